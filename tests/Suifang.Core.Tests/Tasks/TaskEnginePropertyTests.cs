using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Tasks;
using Suifang.Testing;

namespace Suifang.Core.Tests.Tasks;

/// Property-style (seeded, reproducible): random schedules of several workers, random crash points (after the lease,
/// after the start, after the effect) and random clock steps never give one patient two effects at once, never repeat
/// an effect, never complete a step twice, and lose no task.
public sealed class TaskEnginePropertyTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    public static TheoryData<DatabaseProvider, int> Cases() => new()
    {
        { DatabaseProvider.Sqlite, 1 }, { DatabaseProvider.Sqlite, 2 }, { DatabaseProvider.Sqlite, 3 },
        { DatabaseProvider.Postgres, 1 }, { DatabaseProvider.Postgres, 2 },
    };

    [Theory, MemberData(nameof(Cases))]
    public async Task Random_schedules_and_crashes_never_overlap_a_patient_nor_repeat_an_effect(DatabaseProvider provider, int seed)
    {
        var random = new Random(seed);
        await using var world = await TaskWorld.CreateAsync(provider);
        world.Options.BatchSize = 4;
        var patients = await world.PatientsAsync(12);
        foreach (var p in patients)
            for (var n = random.Next(1, 4); n > 0; n--)
                await world.PlanAsync(p, world.Hospital.Cardiology.Id,
                    new ChannelStep { Kind = ChannelKind.AiCall, Redials = random.Next(0, 3), RedialIntervalMinutes = 30 },
                    new ChannelStep { Kind = ChannelKind.Sms }, new ChannelStep { Kind = ChannelKind.Manual });
        var watch = new OverlapWatch();
        var workers = Enumerable.Range(1, 3).Select(i => world.Dispatcher($"w{i}", watch.Wrap(world))).ToList();

        for (var step = 0; step < 60; step++)
        {
            switch (random.Next(6))
            {
                case 0 or 1:
                    await Task.WhenAll(workers.Select(w => w.RunRoundAsync(None)));
                    break;
                case 2:
                    await CrashAsync(world, watch, random, $"crash-{step}");
                    break;
                case 3:
                    world.Now = world.Now.AddSeconds(random.Next(0, 120));
                    break;
                case 4:
                    world.Now = world.Now.AddMinutes(31);
                    break;
                default:
                    await workers[random.Next(workers.Count)].MaintainAsync(None);
                    break;
            }
        }
        for (var i = 0; i < 200 && await OpenAsync(world) > 0; i++)
        {
            world.Now = world.Now.AddMinutes(31);
            await Task.WhenAll(workers.Select(w => w.DrainAsync(None)));
        }

        Assert.Equal(0, await OpenAsync(world));
        Assert.Equal(0, watch.Overlaps);
        await using var db = world.NewContext();
        var effects = await db.SimulatedEffects.Select(e => e.EffectKey).ToListAsync();
        var attempts = await db.TaskAttempts.Select(a => a.EffectKey).ToListAsync();
        Assert.Equal(attempts.Order(), effects.Order()); // each attempt had exactly one effect, and no effect lacks an attempt
        Assert.Equal(watch.NewEffects, effects.Count);    // the channel acted once per key; the rest were replays
        var completedPerStep = await db.Tasks.Where(t => t.State == TaskState.Completed).GroupBy(t => t.PlanStepId).Select(g => g.Count()).ToListAsync();
        Assert.All(completedPerStep, c => Assert.Equal(1, c));
    }

    /// A worker that dies at a chosen point: 0 after leasing, 1 after starting (attempt written), 2 after the effect.
    private static async Task CrashAsync(TaskWorld world, OverlapWatch watch, Random random, string owner)
    {
        var point = random.Next(3);
        var engine = world.Engine(owner, watch.Wrap(world));
        var queues = TaskQueueSetting.AllQueues;
        var queue = await world.QueueAsync(queues[random.Next(queues.Length)]);
        var ids = await engine.LeaseAsync(queue, 2, None);
        if (point == 0)
            return;
        var started = await engine.StartAsync(ids, None);
        if (point == 2)
            foreach (var e in started)
                await engine.RunAsync(e, None);
    }

    private static async Task<int> OpenAsync(TaskWorld world)
    {
        await using var db = world.NewContext();
        return await db.Tasks.CountAsync(t => t.State == TaskState.Pending || t.State == TaskState.Due
            || t.State == TaskState.Leased || t.State == TaskState.Running);
    }

    /// Wraps the simulated channel: counts first-time effects and flags two effects for one patient at once.
    private sealed class OverlapWatch
    {
        private readonly ConcurrentDictionary<long, int> _active = new();
        private readonly ConcurrentDictionary<string, bool> _seen = new();
        public int Overlaps;
        public int NewEffects => _seen.Count;

        public ITaskChannel Wrap(TaskWorld world) => new Watched(this, world);

        private sealed class Watched(OverlapWatch watch, TaskWorld world) : ITaskChannel
        {
            public ChannelKind Kind => ChannelKind.AiCall;

            public async Task<TaskOutcome> ExecuteAsync(TaskExecution execution, CancellationToken ct)
            {
                if (watch._active.AddOrUpdate(execution.Task.PatientId, 1, (_, n) => n + 1) > 1)
                    Interlocked.Increment(ref watch.Overlaps);
                try
                {
                    watch._seen.TryAdd(execution.EffectKey, true);
                    return await world.Simulated(execution.Task.Channel).ExecuteAsync(execution, ct);
                }
                finally
                {
                    watch._active.AddOrUpdate(execution.Task.PatientId, 0, (_, n) => n - 1);
                }
            }
        }
    }
}
