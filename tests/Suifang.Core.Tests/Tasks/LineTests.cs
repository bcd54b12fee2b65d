using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Tasks;
using Suifang.Core.Tasks.Control;
using Suifang.Testing;

namespace Suifang.Core.Tests.Tasks;

/// 7.2.2.2 d: the line pool (changed at run time), department shares, and manual intervention.
public sealed class LineTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static async Task<Dictionary<long, int>> TasksAsync(TaskWorld world, int cardiology, int neurology)
    {
        var patients = await world.PatientsAsync(cardiology + neurology);
        var departments = new Dictionary<long, int>();
        for (var i = 0; i < patients.Count; i++)
        {
            var dept = i < cardiology ? world.Hospital.Cardiology.Id : world.Hospital.Neurology.Id;
            var minutes = i;
            var t = await world.TaskAsync(patients[i], x => { x.DepartmentId = dept; x.NextAttemptAt = world.Now.AddMinutes(-100 + minutes); });
            departments[t.Id] = dept;
        }
        return departments;
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_department_gets_no_more_than_its_share_while_another_waits(DatabaseProvider provider)
    {
        await using var world = await TaskWorld.CreateAsync(provider);
        var departments = await TasksAsync(world, cardiology: 10, neurology: 3);
        var cardiology = world.Hospital.Cardiology.Id;
        await world.SetQueueAsync(TaskQueues.AiCall, q => { q.PoolSize = 4; q.Shares = [new DepartmentShare { DepartmentId = cardiology, Percent = 50 }]; });

        // Cardiology's tasks are all older (first come), yet it gets 2 of the 4 lines while neurology waits.
        var leased = await world.Engine().LeaseAsync(await world.QueueAsync(TaskQueues.AiCall), 4, None);
        Assert.Equal(2, leased.Count(id => departments[id] == cardiology));
        Assert.Equal(4, leased.Count);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_department_may_use_free_lines_beyond_its_share_when_nobody_else_waits(DatabaseProvider provider)
    {
        await using var world = await TaskWorld.CreateAsync(provider);
        await TasksAsync(world, cardiology: 10, neurology: 0);
        var cardiology = world.Hospital.Cardiology.Id;
        await world.SetQueueAsync(TaskQueues.AiCall, q => { q.PoolSize = 4; q.Shares = [new DepartmentShare { DepartmentId = cardiology, Percent = 25 }]; });
        Assert.Equal(4, (await world.Engine().LeaseAsync(await world.QueueAsync(TaskQueues.AiCall), 4, None)).Count);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Pool_size_changed_at_run_time_applies_to_the_next_round(DatabaseProvider provider)
    {
        await using var world = await TaskWorld.CreateAsync(provider);
        await TasksAsync(world, cardiology: 12, neurology: 0);
        var channel = new ScriptedChannel(_ => TaskOutcome.Completed("ok"));
        var dispatcher = world.Dispatcher(channel: channel);
        await world.SetQueueAsync(TaskQueues.AiCall, q => q.PoolSize = 2);
        Assert.Equal(2, await dispatcher.RunRoundAsync(None));
        await world.SetQueueAsync(TaskQueues.AiCall, q => q.PoolSize = 7);
        Assert.Equal(7, await dispatcher.RunRoundAsync(None));
        await world.SetQueueAsync(TaskQueues.AiCall, q => q.Paused = true);
        Assert.Equal(0, await dispatcher.RunRoundAsync(None));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Pause_resume_cancel_and_retry_a_task(DatabaseProvider provider)
    {
        await using var world = await TaskWorld.CreateAsync(provider);
        var task = await world.TaskAsync((await world.PatientsAsync(1))[0]);
        var nurse = world.Hospital.Nurse(world.Hospital.Cardiology.Id);
        var channel = new ScriptedChannel(_ => TaskOutcome.Failed("空号"));
        var dispatcher = world.Dispatcher(channel: channel);

        Assert.True((await ActAsync(world, nurse, task.Id, TaskAction.Pause)).Ok);
        Assert.Equal(0, await dispatcher.DrainAsync(None));
        Assert.True((await ActAsync(world, nurse, task.Id, TaskAction.Resume)).Ok);
        Assert.Equal(1, await dispatcher.DrainAsync(None));
        Assert.Equal(TaskState.Failed, (await world.LoadAsync(task.Id)).State);

        Assert.True((await ActAsync(world, nurse, task.Id, TaskAction.Retry)).Ok);
        Assert.Equal(TaskState.Due, (await world.LoadAsync(task.Id)).State);
        Assert.True((await ActAsync(world, nurse, task.Id, TaskAction.Cancel)).Ok);
        Assert.Equal(TaskState.Cancelled, (await world.LoadAsync(task.Id)).State);
        Assert.Equal(0, await dispatcher.DrainAsync(None));

        var refused = await ActAsync(world, nurse, task.Id, TaskAction.Resume);
        Assert.Contains("没有暂停", refused.Error);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Nurse_cannot_act_on_another_departments_task_and_queue_actions_stay_in_scope(DatabaseProvider provider)
    {
        await using var world = await TaskWorld.CreateAsync(provider);
        var departments = await TasksAsync(world, cardiology: 3, neurology: 2);
        var neuroNurse = world.Hospital.Nurse(world.Hospital.Neurology.Id);
        var cardioTask = departments.First(d => d.Value == world.Hospital.Cardiology.Id).Key;
        Assert.Contains("不属于您负责的科室", (await ActAsync(world, neuroNurse, cardioTask, TaskAction.Cancel)).Error);

        await using var db = world.NewContext();
        var result = await TaskControl.OnQueueAsync(db, neuroNurse, TaskQueues.AiCall, TaskAction.Pause, world.Now, None);
        Assert.Equal(2, result.Changed);
        await using var check = world.NewContext();
        Assert.Equal(2, await check.Tasks.CountAsync(t => t.Paused));
        Assert.Equal(0, await check.Tasks.CountAsync(t => t.Paused && t.DepartmentId == world.Hospital.Cardiology.Id));
    }

    private static async Task<TaskActionResult> ActAsync(TaskWorld world, StaffScope staff, long id, TaskAction action)
    {
        await using var db = world.NewContext();
        return await TaskControl.OnTaskAsync(db, staff, id, action, world.Now, None);
    }
}
