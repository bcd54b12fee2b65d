using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.ManualFollowUp;
using Suifang.Core.Tasks;
using Suifang.Core.Tasks.Engine;
using Suifang.Testing;

namespace Suifang.Core.Tests.ManualFollowUp;

/// The manual channel (5.1.4 人工随访): a manual task goes into the nurses' work queue and waits; the effect key keeps it
/// there once; past its waiting time it leaves the queue and the step moves on.
public sealed class ManualChannelTests
{
    [Theory, ClassData(typeof(Providers))]
    public async Task A_manual_task_enters_the_work_queue_once_and_waits_for_a_nurse(DatabaseProvider provider)
    {
        await using var m = await ManualWorld.CreateAsync(provider);
        var task = await m.ManualTaskAsync();

        var waiting = await m.World.LoadAsync(task.Id);
        var entry = await m.OpenEntryAsync(task.Id);
        Assert.Equal((TaskState.Running, null), (waiting.State, waiting.LeaseOwner));
        Assert.Equal(ManualTaskChannel.InQueue, waiting.Outcome);
        Assert.Equal(entry.FallbackAt, waiting.NextAttemptAt);
        Assert.Equal((1, TaskStarts.EffectKey(task.Id, 1)), (entry.AttemptNumber, entry.EffectKey));
        Assert.Equal([entry.Id], (await m.QueueAsync(m.Nurse())).Select(r => r.EntryId));
        // Nothing more to dispatch: the waiting task holds no line and is not leased again.
        Assert.Equal(0, await m.DispatchAsync());
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Executed_again_with_the_same_effect_key_the_channel_adds_no_second_entry(DatabaseProvider provider)
    {
        await using var m = await ManualWorld.CreateAsync(provider);
        var task = await m.ManualTaskAsync();
        var first = await m.OpenEntryAsync(task.Id);

        var replay = await m.Channel.ExecuteAsync(new TaskExecution(await m.World.LoadAsync(task.Id), 1, first.EffectKey), ManualWorld.None);

        Assert.Equal((OutcomeKind.Waiting, first.FallbackAt), (replay.Kind, replay.RetryAt));
        await using var db = m.NewContext();
        Assert.Equal(1, await db.ManualQueue.CountAsync(e => e.TaskId == task.Id));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Past_its_waiting_time_an_uncalled_task_leaves_the_queue_as_unreached(DatabaseProvider provider)
    {
        await using var m = await ManualWorld.CreateAsync(provider);
        var task = await m.ManualTaskAsync();
        var entry = await m.OpenEntryAsync(task.Id);

        m.Now = entry.FallbackAt;
        await m.World.Dispatcher(channel: m.Channel).MaintainAsync(ManualWorld.None);

        Assert.Equal(TaskState.Unreached, (await m.World.LoadAsync(task.Id)).State);
        Assert.Empty(await m.QueueAsync(m.Nurse()));
    }

    [Fact]
    public void The_wait_is_the_follow_up_window_and_a_days_grace_but_never_shorter_than_four_hours()
    {
        var now = new DateTime(2026, 12, 1, 10, 0, 0);
        var task = new FollowUpTask { Queue = TaskQueues.Manual, IdempotencyKey = "k", DueTo = now.AddDays(2) };
        Assert.Equal(now.AddDays(3), ManualTaskChannel.FallbackAt(task, now));
        task.DueTo = now.AddHours(-22);
        Assert.Equal(now.AddHours(4), ManualTaskChannel.FallbackAt(task, now));
    }
}
