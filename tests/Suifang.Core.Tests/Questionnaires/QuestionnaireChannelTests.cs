using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Plans;
using Suifang.Core.Questionnaires;
using Suifang.Core.Questionnaires.Links;
using Suifang.Core.Sms;
using Suifang.Core.Tasks;
using Suifang.Testing;
using Suifang.Testing.Sms;

namespace Suifang.Core.Tests.Questionnaires;

/// 问卷随访 channel (5.1.4): link by SMS through the outbox, waiting until the answer or the fallback time, then a phone
/// reminder (the step's next channel).
public sealed class QuestionnaireChannelTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly ChannelStep Link = new() { Kind = ChannelKind.Questionnaire, FallbackAfterHours = 24 };
    private static readonly ChannelStep Phone = new() { Kind = ChannelKind.AiCall };

    private static QuestionnaireChannel Channel(TaskWorld world, RecordingSmsOutbox outbox) =>
        new(world.NewContext, outbox, world.Hospital.Protector, () => world.Now, new QuestionnaireOptions { PublicBaseUrl = "https://sf.example.cn" });

    private static async Task<FollowUpTask> StepWithQuestionsAsync(TaskWorld world, long patientId)
    {
        var task = await world.PlanAsync(patientId, world.Hospital.Cardiology.Id, Link, Phone);
        await using var db = world.NewContext();
        var step = await db.PlanSteps.SingleAsync(s => s.Id == task.PlanStepId);
        step.Questions =
        [
            new NodeQuestion { Key = "temperature", Text = "您最近一次量的体温是多少度？", Kind = AnswerKind.Number, Unit = "℃" },
            new NodeQuestion { Key = "wound_redness", Text = "伤口周围有没有发红？", Kind = AnswerKind.YesNo },
        ];
        step.Triggers = [new TriggerRule { QuestionKey = "temperature", Operator = TriggerOperator.GreaterOrEqual, Value = "38.5", Description = "体温≥38.5℃" }];
        await db.SaveChangesAsync();
        return task;
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Link_is_sent_once_through_the_outbox_and_the_answer_completes_the_task_with_results_and_to_dos(DatabaseProvider provider)
    {
        await using var world = await TaskWorld.CreateAsync(provider);
        var patient = (await world.PatientsAsync(1))[0];
        var task = await StepWithQuestionsAsync(world, patient);
        var outbox = new RecordingSmsOutbox();
        var channel = Channel(world, outbox);
        await world.Dispatcher(channel: channel).DrainAsync(None);

        var sms = Assert.Single(outbox.Sent);
        Assert.Equal((SmsPurpose.QuestionnaireLink, task.Id, patient), (sms.Purpose, sms.TaskId, sms.PatientId));
        Assert.StartsWith("【测试医院】", sms.Text);
        Assert.Contains("https://sf.example.cn/q/", sms.Text);
        var waiting = await world.LoadAsync(task.Id);
        Assert.Equal((TaskState.Running, world.Now.AddHours(24)), (waiting.State, waiting.NextAttemptAt));

        // The same effect again (a task resumed after a crash): the same link, no second message.
        var again = await channel.ExecuteAsync(new TaskExecution(waiting, 1, sms.EffectKey), None);
        Assert.Equal(OutcomeKind.Waiting, again.Kind);
        Assert.Single(outbox.Sent);
        await using (var db = world.NewContext())
            Assert.Equal(1, await db.QuestionnaireLinks.CountAsync());

        var submitted = await PageSubmission.SubmitAsync(world.NewContext, outbox.TokenFor(patient),
            new Dictionary<string, string> { ["temperature"] = "38.8", ["wound_redness"] = "no" }, world.Now.AddHours(2));
        Assert.Equal(SubmitStatus.Accepted, submitted.Status);
        var done = await world.LoadAsync(task.Id);
        Assert.Equal((TaskState.Completed, StepStatus.Done), (done.State, done.Step!.Status));
        await using var check = world.NewContext();
        Assert.Equal("38.8", (await check.FollowUpResults.SingleAsync(r => r.QuestionKey == "temperature")).Value);
        Assert.Equal("体温≥38.5℃", (await check.Todos.SingleAsync()).Reason);
        world.Now = world.Now.AddHours(25);
        await world.Dispatcher(channel: channel).MaintainAsync(None);
        Assert.False(await check.Tasks.AnyAsync(t => t.Channel == ChannelKind.AiCall));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Not_filled_in_time_the_engine_creates_the_phone_reminder_and_the_link_still_records_a_late_answer(DatabaseProvider provider)
    {
        await using var world = await TaskWorld.CreateAsync(provider);
        var patient = (await world.PatientsAsync(1))[0];
        var task = await StepWithQuestionsAsync(world, patient);
        var outbox = new RecordingSmsOutbox();
        var dispatcher = world.Dispatcher(channel: Channel(world, outbox));
        await dispatcher.DrainAsync(None);

        world.Now = world.Now.AddHours(24);
        await dispatcher.MaintainAsync(None);

        Assert.Equal(TaskState.Unreached, (await world.LoadAsync(task.Id)).State);
        await using var check = world.NewContext();
        var reminder = await check.Tasks.SingleAsync(t => t.Channel == ChannelKind.AiCall);
        Assert.Equal((task.Id, 1), (reminder.FallbackOfTaskId, reminder.ChannelIndex));
        Assert.Equal(SubmitStatus.Accepted, (await PageSubmission.SubmitAsync(world.NewContext, outbox.TokenFor(patient),
            new Dictionary<string, string> { ["temperature"] = "36.8", ["wound_redness"] = "no" }, world.Now)).Status);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Blocked_message_is_not_reached_so_the_next_channel_starts_at_once(DatabaseProvider provider)
    {
        await using var world = await TaskWorld.CreateAsync(provider);
        var patient = (await world.PatientsAsync(1))[0];
        var task = await StepWithQuestionsAsync(world, patient);
        var outbox = new RecordingSmsOutbox { Status = SmsSendStatus.Blocked };
        await world.Dispatcher(channel: Channel(world, outbox)).DrainAsync(None);

        Assert.Equal(TaskState.Unreached, (await world.LoadAsync(task.Id)).State);
        await using var check = world.NewContext();
        Assert.True(await check.Tasks.AnyAsync(t => t.Channel == ChannelKind.AiCall && t.FallbackOfTaskId == task.Id));
    }
}
