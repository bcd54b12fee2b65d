using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Tasks;
using Suifang.Core.Tasks.Engine;
using Suifang.Testing;

namespace Suifang.Core.Tests.Tasks;

/// 7.2.2: leases with expiry; a dead worker's tasks come back; one patient is never in two tasks at once.
public sealed class TaskLeaseTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory, ClassData(typeof(Providers))]
    public async Task Pending_task_becomes_due_when_its_time_comes(DatabaseProvider provider)
    {
        await using var world = await TaskWorld.CreateAsync(provider);
        var patient = (await world.PatientsAsync(1))[0];
        var task = await world.TaskAsync(patient, t => { t.State = TaskState.Pending; t.NextAttemptAt = world.Now.AddHours(1); });
        var queue = await world.QueueAsync(TaskQueues.AiCall);
        var engine = world.Engine();

        Assert.Empty(await engine.LeaseAsync(queue, 10, None));
        world.Now = world.Now.AddHours(1);
        await world.Dispatcher().MaintainAsync(None);
        Assert.Equal(TaskState.Due, (await world.LoadAsync(task.Id)).State);
        Assert.Equal([task.Id], await engine.LeaseAsync(queue, 10, None));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Expired_lease_returns_the_task_to_another_worker(DatabaseProvider provider)
    {
        await using var world = await TaskWorld.CreateAsync(provider);
        var patient = (await world.PatientsAsync(1))[0];
        var task = await world.TaskAsync(patient);
        var queue = await world.QueueAsync(TaskQueues.AiCall);

        Assert.Equal([task.Id], await world.Engine("dies").LeaseAsync(queue, 10, None));
        Assert.Empty(await world.Engine("other").LeaseAsync(queue, 10, None));
        world.Now = world.Now.AddSeconds(world.Options.LeaseSeconds + 1);
        Assert.Equal([task.Id], await world.Engine("other").LeaseAsync(queue, 10, None));
        var leased = await world.LoadAsync(task.Id);
        Assert.Equal(("other", TaskState.Leased), (leased.LeaseOwner, leased.State));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Reaper_returns_expired_leases_to_due(DatabaseProvider provider)
    {
        await using var world = await TaskWorld.CreateAsync(provider);
        var task = await world.TaskAsync((await world.PatientsAsync(1))[0]);
        await world.Engine("dies").LeaseAsync(await world.QueueAsync(TaskQueues.AiCall), 1, None);
        world.Now = world.Now.AddMinutes(5);
        await world.Dispatcher().MaintainAsync(None);
        var back = await world.LoadAsync(task.Id);
        Assert.Equal((TaskState.Due, (string?)null), (back.State, back.LeaseOwner));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Two_concurrent_leasers_never_get_the_same_task(DatabaseProvider provider)
    {
        await using var world = await TaskWorld.CreateAsync(provider);
        foreach (var p in await world.PatientsAsync(120))
            await world.TaskAsync(p);
        var queue = await world.QueueAsync(TaskQueues.AiCall);
        var workers = Enumerable.Range(1, 4).Select(i => world.Engine($"w{i}")).ToList();

        // Rounds until a round leases nothing: SKIP LOCKED lets a worker pass over rows another one is reading, so how
        // many rounds it takes varies; what must hold is that no task is leased twice and none is left behind.
        var got = new List<long>();
        for (var round = 0; round < 100; round++)
        {
            var leases = await Task.WhenAll(workers.Select(w => w.LeaseAsync(queue, 7, None)));
            got.AddRange(leases.SelectMany(l => l));
            if (leases.All(l => l.Count == 0))
                break;
        }
        Assert.Equal(got.Count, got.Distinct().Count());
        Assert.Equal(120, got.Count);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task One_patient_is_never_leased_twice_even_across_queues(DatabaseProvider provider)
    {
        await using var world = await TaskWorld.CreateAsync(provider);
        var patient = (await world.PatientsAsync(1))[0];
        await world.TaskAsync(patient);
        await world.TaskAsync(patient);
        await world.TaskAsync(patient, t => { t.Queue = TaskQueues.Sms; t.Channel = Suifang.Core.Pathways.ChannelKind.Sms; });
        var engine = world.Engine();

        var first = await engine.LeaseAsync(await world.QueueAsync(TaskQueues.AiCall), 10, None);
        var second = await world.Engine("w2").LeaseAsync(await world.QueueAsync(TaskQueues.Sms), 10, None);
        Assert.Single(first);
        Assert.Empty(second);

        await using var db = world.NewContext();
        Assert.Equal(1, await db.Tasks.CountAsync(t => t.PatientId == patient && t.LeaseOwner != null));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Database_refuses_a_second_active_task_of_one_patient(DatabaseProvider provider)
    {
        await using var world = await TaskWorld.CreateAsync(provider);
        var patient = (await world.PatientsAsync(1))[0];
        await world.TaskAsync(patient, t => { t.State = TaskState.Leased; t.LeaseOwner = "a"; t.LeaseExpiresAt = world.Now.AddMinutes(1); });
        await Assert.ThrowsAsync<DbUpdateException>(() =>
            world.TaskAsync(patient, t => { t.State = TaskState.Leased; t.LeaseOwner = "b"; t.LeaseExpiresAt = world.Now.AddMinutes(1); }));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Crashed_running_task_resumes_with_the_same_attempt_and_effect_key(DatabaseProvider provider)
    {
        await using var world = await TaskWorld.CreateAsync(provider);
        var task = await world.TaskAsync((await world.PatientsAsync(1))[0]);
        var queue = await world.QueueAsync(TaskQueues.AiCall);
        var dying = world.Engine("dies");
        var started = await dying.StartAsync(await dying.LeaseAsync(queue, 1, None), None);
        var first = Assert.Single(started);
        await dying.RunAsync(first, None); // the effect happened, then the worker died before recording it

        world.Now = world.Now.AddMinutes(2);
        var heir = world.Engine("heir");
        var resumed = Assert.Single(await heir.StartAsync(await heir.LeaseAsync(queue, 1, None), None));
        Assert.Equal((first.AttemptNumber, first.EffectKey), (resumed.AttemptNumber, resumed.EffectKey));
        Assert.Equal($"task:{task.Id}:attempt:1", resumed.EffectKey);
        await heir.FinishAsync([(resumed, await heir.RunAsync(resumed, None))], None);

        var done = await world.LoadAsync(task.Id);
        Assert.Single(done.AttemptLog);
        await using var db = world.NewContext();
        var effect = await db.SimulatedEffects.SingleAsync();
        Assert.Equal(1, effect.Replays);
        Assert.True(done.State is TaskState.Completed or TaskState.Due or TaskState.Failed);
    }
}
