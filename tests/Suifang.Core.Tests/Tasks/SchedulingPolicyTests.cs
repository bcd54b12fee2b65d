using Suifang.Core.Data;
using Suifang.Core.Tasks;
using Suifang.Core.Tasks.Engine;
using Suifang.Testing;

namespace Suifang.Core.Tests.Tasks;

/// 7.2.2.1 a: each scheduling policy's order on the same backlog.
public sealed class SchedulingPolicyTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// Five due tasks: (name, department, minutes since due, expected seconds, priority, hours to deadline).
    private static readonly (string Name, bool Neuro, int Waited, int Seconds, int Priority, int DeadlineHours)[] Backlog =
    [
        ("A", false, 50, 300, 0, 40),
        ("B", false, 40, 60, 5, 30),
        ("C", false, 30, 120, 0, 10),
        ("D", true, 20, 240, 10, 20),
        ("E", true, 10, 90, 0, 5),
    ];

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, SchedulingPolicy.FirstComeFirstServed, "ABCDE")]
    [InlineData(DatabaseProvider.Sqlite, SchedulingPolicy.ShortestJobFirst, "BECDA")]
    [InlineData(DatabaseProvider.Sqlite, SchedulingPolicy.Priority, "DBACE")]
    [InlineData(DatabaseProvider.Sqlite, SchedulingPolicy.EarliestDeadlineFirst, "ECDBA")]
    [InlineData(DatabaseProvider.Sqlite, SchedulingPolicy.RoundRobinDepartments, "ADBEC")]
    [InlineData(DatabaseProvider.Postgres, SchedulingPolicy.FirstComeFirstServed, "ABCDE")]
    [InlineData(DatabaseProvider.Postgres, SchedulingPolicy.ShortestJobFirst, "BECDA")]
    [InlineData(DatabaseProvider.Postgres, SchedulingPolicy.Priority, "DBACE")]
    [InlineData(DatabaseProvider.Postgres, SchedulingPolicy.EarliestDeadlineFirst, "ECDBA")]
    [InlineData(DatabaseProvider.Postgres, SchedulingPolicy.RoundRobinDepartments, "ADBEC")]
    public async Task Policy_leases_the_same_backlog_in_its_own_order(DatabaseProvider provider, SchedulingPolicy policy, string expected)
    {
        await using var world = await TaskWorld.CreateAsync(provider);
        var names = await BacklogAsync(world);
        await world.SetQueueAsync(TaskQueues.AiCall, q => q.Policy = policy);
        var queue = await world.QueueAsync(TaskQueues.AiCall);
        var engine = world.Engine();

        var order = "";
        for (var i = 0; i < Backlog.Length; i++)
        {
            var leased = Assert.Single(await engine.LeaseAsync(queue, 1, None));
            order += names[leased];
            await ReleaseAsync(world, leased);
        }
        Assert.Equal(expected, order);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Emergency_mode_puts_critical_tasks_first_whatever_the_policy(DatabaseProvider provider)
    {
        await using var world = await TaskWorld.CreateAsync(provider);
        var names = await BacklogAsync(world);
        await world.SetQueueAsync(TaskQueues.AiCall, q => { q.Policy = SchedulingPolicy.EarliestDeadlineFirst; q.EmergencyMode = true; });
        var leased = await world.Engine().LeaseAsync(await world.QueueAsync(TaskQueues.AiCall), 2, None);
        // Without emergency mode the deadline order would take E and C; D is Critical and goes first.
        Assert.Equal(["D", "E"], leased.Select(id => names[id]).Order());
    }

    private static async Task<Dictionary<long, string>> BacklogAsync(TaskWorld world)
    {
        var patients = await world.PatientsAsync(Backlog.Length);
        var names = new Dictionary<long, string>();
        for (var i = 0; i < Backlog.Length; i++)
        {
            var b = Backlog[i];
            var task = await world.TaskAsync(patients[i], t =>
            {
                t.DepartmentId = b.Neuro ? world.Hospital.Neurology.Id : world.Hospital.Cardiology.Id;
                t.NextAttemptAt = world.Now.AddMinutes(-b.Waited);
                t.ExpectedSeconds = b.Seconds;
                t.Priority = b.Priority;
                t.DueTo = world.Now.AddHours(b.DeadlineHours);
            });
            names[task.Id] = b.Name;
        }
        return names;
    }

    /// Takes the leased task out of the backlog so the next lease shows the next in order.
    private static async Task ReleaseAsync(TaskWorld world, long id)
    {
        await using var db = world.NewContext();
        var task = await db.Tasks.FindAsync(id);
        TaskTransitions.Move(task!, TaskState.Cancelled, world.Now);
        await db.SaveChangesAsync();
    }
}
