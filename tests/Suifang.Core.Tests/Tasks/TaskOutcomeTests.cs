using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Plans;
using Suifang.Core.Tasks;
using Suifang.Testing;

namespace Suifang.Core.Tests.Tasks;

/// 5.2.2 / 7.2.2: redial count and interval, the reason of every failed attempt, fallback to the next channel, and
/// "done by any channel cancels every other reminder and fallback at once".
public sealed class TaskOutcomeTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly ChannelStep Call = new() { Kind = ChannelKind.AiCall, Redials = 2, RedialIntervalMinutes = 30 };
    private static readonly ChannelStep Sms = new() { Kind = ChannelKind.Questionnaire, FallbackAfterHours = 48 };

    [Theory, ClassData(typeof(Providers))]
    public async Task Not_reached_is_redialled_after_the_interval_until_attempts_are_used_then_the_next_channel_starts(DatabaseProvider provider)
    {
        await using var world = await TaskWorld.CreateAsync(provider);
        var task = await world.PlanAsync((await world.PatientsAsync(1))[0], world.Hospital.Cardiology.Id, Call, Sms);
        var reasons = new[] { "无人接听", "占线", "关机" };
        var channel = new ScriptedChannel(e => TaskOutcome.NotReached(reasons[e.AttemptNumber - 1]));
        var dispatcher = world.Dispatcher(channel: channel);

        Assert.Equal(1, await dispatcher.DrainAsync(None));
        Assert.Equal(world.Now.AddMinutes(30), (await world.LoadAsync(task.Id)).NextAttemptAt);
        world.Now = world.Now.AddMinutes(29);
        Assert.Equal(0, await dispatcher.DrainAsync(None));
        world.Now = world.Now.AddMinutes(1);
        Assert.Equal(1, await dispatcher.DrainAsync(None));
        world.Now = world.Now.AddMinutes(30);
        await dispatcher.DrainAsync(None);

        var done = await world.LoadAsync(task.Id);
        Assert.Equal(TaskState.Unreached, done.State);
        Assert.Equal(reasons, done.AttemptLog.OrderBy(a => a.Number).Select(a => a.FailureReason));
        Assert.Equal(3, channel.Calls.Count(c => c.Task.Id == task.Id));
        await using var db = world.NewContext();
        var fallback = await db.Tasks.SingleAsync(t => t.FallbackOfTaskId == task.Id);
        Assert.Equal((1, ChannelKind.Questionnaire, TaskQueues.Questionnaire), (fallback.ChannelIndex, fallback.Channel, fallback.Queue));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Redial_stops_when_the_window_closes(DatabaseProvider provider)
    {
        await using var world = await TaskWorld.CreateAsync(provider);
        var task = await world.TaskAsync((await world.PatientsAsync(1))[0], t => { t.MaxAttempts = 5; t.RetryIntervalMinutes = 60; t.DueTo = world.Now.AddMinutes(30); });
        await world.Dispatcher(channel: new ScriptedChannel(_ => TaskOutcome.NotReached("无人接听"))).DrainAsync(None);
        Assert.Equal(TaskState.Unreached, (await world.LoadAsync(task.Id)).State);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Completion_cancels_every_other_open_task_of_the_step(DatabaseProvider provider)
    {
        await using var world = await TaskWorld.CreateAsync(provider);
        var patient = (await world.PatientsAsync(1))[0];
        var first = await world.PlanAsync(patient, world.Hospital.Cardiology.Id, Call, Sms);
        long reminder;
        await using (var db = world.NewContext())
        {
            var plan = await db.Plans.Include(p => p.Steps).SingleAsync();
            var other = StepTasks.Create(plan, plan.Steps[0], 1, world.Now.AddHours(5), world.Now);
            db.Tasks.Add(other);
            await db.SaveChangesAsync();
            reminder = other.Id;
        }
        await world.Dispatcher(channel: new ScriptedChannel(_ => TaskOutcome.Completed("已随访"))).DrainAsync(None);

        Assert.Equal(TaskState.Completed, (await world.LoadAsync(first.Id)).State);
        var cancelled = await world.LoadAsync(reminder);
        Assert.Equal(TaskState.Cancelled, cancelled.State);
        Assert.Equal(StepStatus.Done, cancelled.Step!.Status);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Postponed_goes_back_to_due_at_the_given_time_without_using_an_attempt(DatabaseProvider provider)
    {
        await using var world = await TaskWorld.CreateAsync(provider);
        var task = await world.TaskAsync((await world.PatientsAsync(1))[0], t => t.MaxAttempts = 1);
        var later = world.Now.AddHours(3);
        var channel = new ScriptedChannel(e => e.AttemptNumber == 1 ? TaskOutcome.Postponed(later, "患者说晚点打") : TaskOutcome.Completed("ok"));
        await world.Dispatcher(channel: channel).DrainAsync(None);
        var postponed = await world.LoadAsync(task.Id);
        Assert.Equal((TaskState.Pending, later, 0), (postponed.State, postponed.NextAttemptAt, postponed.Attempts));

        world.Now = later;
        await world.Dispatcher(channel: channel).DrainAsync(None);
        var done = await world.LoadAsync(task.Id);
        Assert.Equal(TaskState.Completed, done.State);
        Assert.Equal(["task:" + task.Id + ":attempt:1", "task:" + task.Id + ":attempt:2"], done.AttemptLog.OrderBy(a => a.Number).Select(a => a.EffectKey));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Failed_is_not_redialled_and_keeps_its_reason(DatabaseProvider provider)
    {
        await using var world = await TaskWorld.CreateAsync(provider);
        var task = await world.TaskAsync((await world.PatientsAsync(1))[0], t => t.MaxAttempts = 3);
        var channel = new ScriptedChannel(_ => TaskOutcome.Failed("空号"));
        await world.Dispatcher(channel: channel).DrainAsync(None);
        world.Now = world.Now.AddDays(1);
        await world.Dispatcher(channel: channel).DrainAsync(None);
        var failed = await world.LoadAsync(task.Id);
        Assert.Equal((TaskState.Failed, "空号", 1), (failed.State, failed.LastFailureReason, channel.Calls.Count));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Waiting_task_falls_back_at_its_fallback_time_and_an_answer_completes_it(DatabaseProvider provider)
    {
        await using var world = await TaskWorld.CreateAsync(provider);
        var patients = await world.PatientsAsync(2);
        var manual = new ChannelStep { Kind = ChannelKind.Manual };
        var unanswered = await world.PlanAsync(patients[0], world.Hospital.Cardiology.Id, Sms, manual);
        var answered = await world.PlanAsync(patients[1], world.Hospital.Cardiology.Id, Sms, manual);
        var fallbackAt = world.Now.AddHours(48);
        var dispatcher = world.Dispatcher(channel: new ScriptedChannel(_ => TaskOutcome.Waiting(fallbackAt, "问卷链接已发送")));
        await dispatcher.DrainAsync(None);
        Assert.Equal((TaskState.Running, (string?)null), ((await world.LoadAsync(unanswered.Id)).State, (await world.LoadAsync(unanswered.Id)).LeaseOwner));

        await using (var db = world.NewContext())
            Assert.True(await Core.Tasks.Engine.TaskMaintenance.AnswerAsync(db, answered.Id, "问卷已填写", world.Now, None));
        world.Now = fallbackAt;
        await dispatcher.MaintainAsync(None);

        Assert.Equal(TaskState.Completed, (await world.LoadAsync(answered.Id)).State);
        Assert.Equal(TaskState.Unreached, (await world.LoadAsync(unanswered.Id)).State);
        await using var check = world.NewContext();
        Assert.Equal(1, await check.Tasks.CountAsync(t => t.Channel == ChannelKind.Manual));
        Assert.Equal(unanswered.Id, (await check.Tasks.SingleAsync(t => t.Channel == ChannelKind.Manual)).FallbackOfTaskId);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Contact_gate_postpones_or_refuses_before_any_effect(DatabaseProvider provider)
    {
        await using var world = await TaskWorld.CreateAsync(provider);
        var patients = await world.PatientsAsync(2);
        var postponed = await world.TaskAsync(patients[0]);
        var refused = await world.TaskAsync(patients[1]);
        var until = world.Now.AddHours(12);
        var gate = new Gate(t => t.Id == postponed.Id ? new ContactDecision.Postpone(until, "非呼叫时段") : new ContactDecision.Refuse("患者拒绝随访"));
        var channel = new ScriptedChannel(_ => TaskOutcome.Completed("ok"));
        await world.Dispatcher(channel: channel, gate: gate).DrainAsync(None);

        Assert.Empty(channel.Calls);
        var p = await world.LoadAsync(postponed.Id);
        Assert.Equal((TaskState.Pending, until, 0), (p.State, p.NextAttemptAt, p.Attempts));
        Assert.Equal(TaskState.Cancelled, (await world.LoadAsync(refused.Id)).State);
    }

    private sealed class Gate(Func<FollowUpTask, ContactDecision> decide) : IContactGate
    {
        public Task<ContactDecision> CheckAsync(SuifangDbContext db, FollowUpTask task, DateTime now, CancellationToken ct) => Task.FromResult(decide(task));
    }
}
