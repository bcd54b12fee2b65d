using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Tasks;
using Suifang.Core.Tasks.Monitoring;
using Suifang.Testing;

namespace Suifang.Core.Tests.Tasks;

/// 7.2.2.2 c: the monitor's figures (depth, busy lines, finished per minute) and its alarms (stall, failure spike),
/// read at moments the test sets on the world's clock.
public sealed class TaskMonitorTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static async Task<QueueProgress> ReadAsync(TaskWorld world, StaffScope? staff = null)
    {
        await using var db = world.NewContext();
        return (await TaskMonitor.ReadAsync(db, staff ?? world.Hospital.Supervisor(), world.Now, None)).Single(q => q.Setting.Queue == TaskQueues.AiCall);
    }

    private static async Task<List<FollowUpTask>> DueTasksAsync(TaskWorld world, int count)
    {
        var tasks = new List<FollowUpTask>();
        foreach (var patient in await world.PatientsAsync(count))
            tasks.Add(await world.TaskAsync(patient));
        return tasks;
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Depth_busy_lines_and_finished_per_minute_follow_the_clock(DatabaseProvider provider)
    {
        await using var world = await TaskWorld.CreateAsync(provider);
        await DueTasksAsync(world, 3);
        await world.TaskAsync((await world.PatientsAsync(1))[0], t => { t.State = TaskState.Pending; t.NextAttemptAt = world.Now.AddHours(2); });
        await world.SetQueueAsync(TaskQueues.AiCall, q => q.PoolSize = 2);

        Assert.Equal(2, await world.Dispatcher(channel: new ScriptedChannel(_ => TaskOutcome.Completed("ok"))).RunRoundAsync(None));
        var now = await ReadAsync(world);
        Assert.Equal((1, 1, 0), (now.Due, now.Pending, now.BusyLines));
        Assert.Equal((2, 2, world.Now), (now.FinishedLastMinute, now.FinishedLast10Minutes, now.LastFinishedAt));

        // The last due task is leased by a worker that has not finished it: one line busy until its lease runs out.
        Assert.Single(await world.Engine("worker-2").LeaseAsync(await world.QueueAsync(TaskQueues.AiCall), 5, None));
        var leased = await ReadAsync(world);
        Assert.Equal((0, 1), (leased.Due, leased.BusyLines));

        // Two minutes on: the lease (60 s) ran out, so the line no longer counts; the finishes left the last minute.
        world.Now = world.Now.AddMinutes(2);
        var later = await ReadAsync(world);
        Assert.Equal((0, 0, 2), (later.BusyLines, later.FinishedLastMinute, later.FinishedLast10Minutes));

        world.Now = world.Now.AddMinutes(10);
        Assert.Equal(0, (await ReadAsync(world)).FinishedLast10Minutes);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_queue_is_stalled_when_due_tasks_waited_the_stall_minutes_and_nothing_finished(DatabaseProvider provider)
    {
        await using var world = await TaskWorld.CreateAsync(provider);
        await DueTasksAsync(world, 2);
        await world.SetQueueAsync(TaskQueues.AiCall, q => { q.PoolSize = 1; q.StallMinutes = 10; });

        world.Now = world.Now.AddMinutes(9);
        Assert.False((await ReadAsync(world)).Stalled);
        world.Now = world.Now.AddMinutes(2);
        Assert.True((await ReadAsync(world)).Stalled);

        // One finishes: the other still waits, but the queue moved within the stall minutes.
        Assert.Equal(1, await world.Dispatcher(channel: new ScriptedChannel(_ => TaskOutcome.Completed("ok"))).RunRoundAsync(None));
        Assert.False((await ReadAsync(world)).Stalled);
        world.Now = world.Now.AddMinutes(11);
        Assert.True((await ReadAsync(world)).Stalled);

        // A paused queue is not stalled: it waits on purpose.
        await world.SetQueueAsync(TaskQueues.AiCall, q => q.Paused = true);
        Assert.False((await ReadAsync(world)).Stalled);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_failure_spike_is_raised_when_the_failed_share_of_ten_minutes_attempts_reaches_the_alarm(DatabaseProvider provider)
    {
        await using var world = await TaskWorld.CreateAsync(provider);
        var tasks = await DueTasksAsync(world, 10);
        var failing = tasks.Take(5).Select(t => t.Id).ToHashSet();
        await world.SetQueueAsync(TaskQueues.AiCall, q => { q.PoolSize = 20; q.FailureAlarmPercent = 50; });
        var channel = new ScriptedChannel(e => failing.Contains(e.Task.Id) ? TaskOutcome.NotReached("无人接听") : TaskOutcome.Completed("ok"));

        await world.Dispatcher(channel: channel).DrainAsync(None);
        var spike = await ReadAsync(world);
        Assert.Equal((10, 5, 50, true), (spike.AttemptsLast10Minutes, spike.FailedAttemptsLast10Minutes, spike.FailurePercent, spike.FailureSpike));

        await world.SetQueueAsync(TaskQueues.AiCall, q => q.FailureAlarmPercent = 60);
        Assert.False((await ReadAsync(world)).FailureSpike);

        await world.SetQueueAsync(TaskQueues.AiCall, q => q.FailureAlarmPercent = 50);
        world.Now = world.Now.AddMinutes(11);
        var after = await ReadAsync(world);
        Assert.Equal((0, false), (after.AttemptsLast10Minutes, after.FailureSpike));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Fewer_than_ten_attempts_raise_no_failure_spike_even_when_all_failed(DatabaseProvider provider)
    {
        await using var world = await TaskWorld.CreateAsync(provider);
        await DueTasksAsync(world, 9);
        await world.Dispatcher(channel: new ScriptedChannel(_ => TaskOutcome.Failed("空号"))).DrainAsync(None);
        var progress = await ReadAsync(world);
        Assert.Equal((9, 9, false), (progress.AttemptsLast10Minutes, progress.FailedAttemptsLast10Minutes, progress.FailureSpike));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_nurse_sees_her_departments_depth_and_the_hospitals_busy_lines(DatabaseProvider provider)
    {
        await using var world = await TaskWorld.CreateAsync(provider);
        var neurology = world.Hospital.Neurology.Id;
        var patients = await world.PatientsAsync(3);
        await world.TaskAsync(patients[0]);
        await world.TaskAsync(patients[1], t => t.DepartmentId = neurology);
        await world.TaskAsync(patients[2], t => t.DepartmentId = neurology);
        await world.SetQueueAsync(TaskQueues.AiCall, q => q.PoolSize = 1);
        Assert.Single(await world.Engine().LeaseAsync(await world.QueueAsync(TaskQueues.AiCall), 1, None));

        var cardiologyNurse = await ReadAsync(world, world.Hospital.Nurse(world.Hospital.Cardiology.Id));
        var neurologyNurse = await ReadAsync(world, world.Hospital.Nurse(neurology));
        Assert.Equal(2, cardiologyNurse.Due + neurologyNurse.Due);
        Assert.Equal((1, 1), (cardiologyNurse.BusyLines, neurologyNurse.BusyLines));
        Assert.Equal((1, 1), (cardiologyNurse.Setting.PoolSize, neurologyNurse.Setting.PoolSize));
    }
}
