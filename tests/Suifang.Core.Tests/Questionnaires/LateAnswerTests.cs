using Microsoft.EntityFrameworkCore;
using Suifang.Core.Calls;
using Suifang.Core.Calls.Journal;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Plans;
using Suifang.Core.Questionnaires;
using Suifang.Core.Questionnaires.Links;
using Suifang.Core.Tasks;
using Suifang.Core.Tasks.Engine;
using Suifang.Core.Todos;
using Suifang.Testing;
using Suifang.Testing.Sms;

namespace Suifang.Core.Tests.Questionnaires;

/// A late answer (5.1.4, issue #3's rule): the questionnaire is submitted after its waiting time, when the phone reminder
/// (the step's fallback) exists. A pending reminder is cancelled at once; a reminder call in progress is not cut off — it
/// finishes, its answers are stored as a second source, and the same finding gives one to-do, not two.
public sealed class LateAnswerTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly Dictionary<string, string> Fever = new() { ["temperature"] = "38.8", ["wound_redness"] = "no" };

    private sealed record Late(TaskWorld World, FollowUpTask Questionnaire, string Token, TaskDispatcher Dispatcher);

    /// The questionnaire went out, nobody answered in 24 hours, the engine created the AI-call reminder.
    private static async Task<Late> ReminderCreatedAsync(DatabaseProvider provider)
    {
        var world = await TaskWorld.CreateAsync(provider);
        var patient = (await world.PatientsAsync(1))[0];
        var task = await world.PlanAsync(patient, world.Hospital.Cardiology.Id,
            new ChannelStep { Kind = ChannelKind.Questionnaire, FallbackAfterHours = 24 }, new ChannelStep { Kind = ChannelKind.AiCall });
        await using (var db = world.NewContext())
        {
            var step = await db.PlanSteps.SingleAsync(s => s.Id == task.PlanStepId);
            step.Questions =
            [
                new NodeQuestion { Key = "temperature", Text = "您最近一次量的体温是多少度？", Kind = AnswerKind.Number, Unit = "℃" },
                new NodeQuestion { Key = "wound_redness", Text = "伤口周围有没有发红？", Kind = AnswerKind.YesNo },
            ];
            step.Triggers = [new TriggerRule { QuestionKey = "temperature", Operator = TriggerOperator.GreaterOrEqual, Value = "38.5", Description = "体温≥38.5℃" }];
            await db.SaveChangesAsync();
        }
        var outbox = new RecordingSmsOutbox();
        var links = world.Dispatcher(channel: new QuestionnaireChannel(world.NewContext, outbox, world.Hospital.Protector, () => world.Now,
            new QuestionnaireOptions { PublicBaseUrl = "https://sf.example.cn" }));
        await links.DrainAsync(None);
        world.Now = world.Now.AddHours(24);
        await links.MaintainAsync(None); // closes the unanswered link, creates the reminder
        await links.MaintainAsync(None); // promotes it
        return new Late(world, task, outbox.TokenFor(patient), links);
    }

    private static async Task<SubmitStatus> SubmitAsync(Late late) =>
        (await PageSubmission.SubmitAsync(late.World.NewContext, late.Token, Fever, late.World.Now)).Status;

    [Theory, ClassData(typeof(Providers))]
    public async Task Late_answer_cancels_the_pending_phone_reminder_at_once_and_the_step_is_done(DatabaseProvider provider)
    {
        var late = await ReminderCreatedAsync(provider);
        await using var _ = late.World;
        await using (var db = late.World.NewContext())
            Assert.Equal(TaskState.Due, (await db.Tasks.SingleAsync(t => t.Channel == ChannelKind.AiCall)).State);

        Assert.Equal(SubmitStatus.Accepted, await SubmitAsync(late));

        await using var check = late.World.NewContext();
        var reminder = await check.Tasks.SingleAsync(t => t.Channel == ChannelKind.AiCall);
        Assert.Equal((TaskState.Cancelled, LateAnswers.Cancelled), (reminder.State, reminder.Outcome));
        var questionnaire = await check.Tasks.Include(t => t.Step).SingleAsync(t => t.Id == late.Questionnaire.Id);
        Assert.Equal((TaskState.Unreached, StepStatus.Done), (questionnaire.State, questionnaire.Step!.Status));
        Assert.Contains("患者补交", questionnaire.Outcome);
        Assert.Equal("体温≥38.5℃", (await check.Todos.SingleAsync()).Reason);
        var calls = new ScriptedChannel(_ => TaskOutcome.Completed("不该拨出"));
        Assert.Equal(0, await late.World.Dispatcher(channel: calls).DrainAsync(None));
        Assert.Empty(calls.Calls);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Late_answer_while_the_reminder_call_is_running_lets_it_finish_with_a_second_result_and_one_to_do(DatabaseProvider provider)
    {
        var late = await ReminderCreatedAsync(provider);
        await using var _ = late.World;
        var call = new HeldCall();
        var round = late.World.Dispatcher(channel: call).RunRoundAsync(None);
        var execution = await call.Started.Task;

        Assert.Equal(SubmitStatus.Accepted, await SubmitAsync(late));
        await using (var db = late.World.NewContext())
        {
            var running = await db.Tasks.SingleAsync(t => t.Channel == ChannelKind.AiCall);
            Assert.Equal(TaskState.Running, running.State); // a call in progress is not cancelled
            Assert.NotNull(running.LeaseOwner);
        }

        // The call hears the fever too: its answer is stored as a second source, its to-do joins the open one.
        var t = execution.Task;
        var journal = new CallJournal(late.World.NewContext);
        var begun = await journal.BeginAsync(new CallStart(t.Id, execution.AttemptNumber, execution.EffectKey, t.HospitalId, t.CampusId, t.DepartmentId,
            t.PatientId, t.PlanId, t.PlanStepId, "D+7", "pci.d7", 1, "模拟电话网络", true, "cipher", "139****0001", late.World.Now));
        await journal.FinishAsync(begun.Call, new CallFinish
        {
            CallId = begun.Call.Id, End = CallEnd.Completed, EndedAt = late.World.Now,
            Answers = [new FollowUpResult { HospitalId = t.HospitalId, DepartmentId = t.DepartmentId, PatientId = t.PatientId, PlanStepId = t.PlanStepId,
                QuestionKey = "temperature", Value = "39", Said = "烧到三十九度", Source = ResultSource.AiCall, At = late.World.Now }],
            Todos = [new TodoItem { HospitalId = t.HospitalId, DepartmentId = t.DepartmentId, PatientId = t.PatientId, PlanStepId = t.PlanStepId,
                Kind = TodoKind.Abnormal, Urgency = TodoUrgency.Urgent, Reason = "体温≥38.5℃", Evidence = "烧到三十九度", QuestionKey = "temperature",
                Source = "ai-call", CreatedAt = late.World.Now }],
        });
        call.Result.SetResult(TaskOutcome.Completed("AI 电话完成"));
        Assert.Equal(1, await round);

        await using var check = late.World.NewContext();
        var reminder = await check.Tasks.Include(x => x.Step).SingleAsync(x => x.Channel == ChannelKind.AiCall);
        Assert.Equal((TaskState.Completed, StepStatus.Done), (reminder.State, reminder.Step!.Status));
        var sources = await check.FollowUpResults.Where(r => r.QuestionKey == "temperature").Select(r => r.Source).ToListAsync();
        Assert.Equal([ResultSource.AiCall, ResultSource.Questionnaire], sources.Order());
        var todo = await check.Todos.SingleAsync();
        Assert.Equal((TodoUrgency.Urgent, "questionnaire"), (todo.Urgency, todo.Source));
        Assert.Contains("烧到三十九度", todo.Evidence);
        Assert.Equal(2, await check.Tasks.CountAsync());
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Reminder_call_that_does_not_reach_the_patient_after_a_late_answer_neither_redials_nor_falls_back(DatabaseProvider provider)
    {
        var late = await ReminderCreatedAsync(provider);
        await using var _ = late.World;
        await using (var db = late.World.NewContext())
        {
            var reminder = await db.Tasks.SingleAsync(t => t.Channel == ChannelKind.AiCall);
            reminder.MaxAttempts = 3; // would redial if the step were still open
            await db.SaveChangesAsync();
        }
        var call = new HeldCall();
        var round = late.World.Dispatcher(channel: call).RunRoundAsync(None);
        await call.Started.Task;

        Assert.Equal(SubmitStatus.Accepted, await SubmitAsync(late));
        call.Result.SetResult(TaskOutcome.NotReached("无人接听"));
        await round;

        await using var check = late.World.NewContext();
        var closed = await check.Tasks.Include(x => x.Step).SingleAsync(x => x.Channel == ChannelKind.AiCall);
        Assert.Equal((TaskState.Unreached, StepStatus.Done), (closed.State, closed.Step!.Status));
        Assert.Equal(2, await check.Tasks.CountAsync());
    }

    /// A reminder call that rings until the test lets it end.
    private sealed class HeldCall : ITaskChannel
    {
        public TaskCompletionSource<TaskExecution> Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource<TaskOutcome> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public ChannelKind Kind => ChannelKind.AiCall;

        public async Task<TaskOutcome> ExecuteAsync(TaskExecution execution, CancellationToken ct)
        {
            Started.TrySetResult(execution);
            return await Result.Task;
        }
    }
}
