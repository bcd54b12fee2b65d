using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Tasks;
using Suifang.Core.Tasks.Engine;
using Suifang.Core.Tasks.Simulated;

namespace Suifang.Bench;

/// task-lease: p50/p95 of one lease (10 tasks) per scheduling policy over --tasks (default 1,000,000) open tasks of one
/// queue, of which a tenth are due. dispatch: task transitions per second through the simulated channel.
internal static class TaskBench
{
    private static readonly DateTime Now = new(2026, 12, 1, 10, 0, 0);

    public static async Task<int> LeaseAsync(BenchArgs args)
    {
        var tasks = args.GetInt("tasks", 1_000_000);
        var database = await BenchDatabase.OpenAsync(args, "suifang_bench_tasks");
        await using (var db = database.NewContext())
        {
            await db.Database.MigrateAsync();
            var redials = args.Get("redials-as", "pending") == "due" ? TaskState.Due : TaskState.Pending;
            var newDepartments = await EnsureDepartmentsAsync(db);
            if (newDepartments || args.Has("reload") || await db.Tasks.CountAsync() != tasks
                || await db.Tasks.CountAsync(t => t.State == redials && t.NextAttemptAt > Now) != tasks / 20)
            {
                await db.Tasks.ExecuteDeleteAsync();
                var sw = Stopwatch.StartNew();
                await LoadAsync(db, tasks, due: 10, queue: TaskQueues.AiCall, redials);
                Console.WriteLine($"loaded {tasks:N0} tasks in {sw.Elapsed.TotalSeconds:F0} s");
            }
            await db.Database.ExecuteSqlRawAsync(db.Database.IsSqlite() ? "ANALYZE" : "VACUUM ANALYZE \"Tasks\"");
        }
        database.LogSql = args.Has("sql");
        var runs = args.GetInt("runs", 200);
        Console.WriteLine($"{database.Provider}: lease of 10 due tasks over {tasks:N0} open tasks, {runs} runs per policy");
        Console.WriteLine("policy | p50 ms | p95 ms | max ms");
        foreach (var policy in Enum.GetValues<SchedulingPolicy>())
        {
            var queue = new TaskQueueSetting { Queue = TaskQueues.AiCall, Policy = policy, PoolSize = 10 };
            var cursor = new RoundRobinCursor();
            var times = new List<double>();
            for (var i = 0; i < runs + 5; i++)
            {
                await using var db = database.NewContext();
                var sw = Stopwatch.StartNew();
                var leased = await TaskLeaser.LeaseAsync(db, queue, "bench", 10, Now, TimeSpan.FromMinutes(1), cursor, CancellationToken.None);
                sw.Stop();
                if (leased.Count != 10)
                    throw new InvalidOperationException($"{policy}: leased {leased.Count} tasks instead of 10; the figures would mean nothing");
                if (i >= 5)
                    times.Add(sw.Elapsed.TotalMilliseconds);
                // Give them back so the backlog stays the same.
                await db.Tasks.Where(t => leased.Contains(t.Id)).ExecuteUpdateAsync(s => s.SetProperty(t => t.State, TaskState.Due)
                    .SetProperty(t => t.LeaseOwner, (string?)null).SetProperty(t => t.LeaseExpiresAt, (DateTime?)null));
            }
            times.Sort();
            Console.WriteLine($"{policy} | {P(times, 0.50):F1} | {P(times, 0.95):F1} | {times[^1]:F1}");
        }
        return 0;
    }

    public static async Task<int> DispatchAsync(BenchArgs args)
    {
        var tasks = args.GetInt("tasks", 20_000);
        var lines = args.GetInt("lines", 200);
        var database = await BenchDatabase.OpenAsync(args, "suifang_bench_dispatch");
        await using (var db = database.NewContext())
        {
            await db.Database.MigrateAsync();
            await EnsureDepartmentsAsync(db);
            await db.TaskAttempts.ExecuteDeleteAsync();
            await db.SimulatedEffects.ExecuteDeleteAsync();
            await db.Tasks.ExecuteDeleteAsync();
            await LoadAsync(db, tasks, due: 1, queue: TaskQueues.AiCall);
            await db.TaskQueueSettings.ExecuteDeleteAsync();
            db.TaskQueueSettings.Add(new TaskQueueSetting { Queue = TaskQueues.AiCall, PoolSize = lines });
            await db.SaveChangesAsync();
        }
        var options = new TaskEngineOptions { BatchSize = lines, LeaseSeconds = 300 };
        var engine = new TaskEngine(database.NewContext, new AllowAllContactGate(),
            new TaskChannelSet([], kind => new SimulatedChannel(kind, database.NewContext, () => Now)), () => Now, options, "bench");
        var sw = Stopwatch.StartNew();
        await new TaskDispatcher(engine).DrainAsync(CancellationToken.None);
        sw.Stop();
        await using var check = database.NewContext();
        var attempts = await check.TaskAttempts.CountAsync();
        var open = await check.Tasks.CountAsync(t => t.State != TaskState.Completed && t.State != TaskState.Failed && t.State != TaskState.Unreached);
        // Each attempt is three transitions: Due → Leased → Running → Completed/Failed/Unreached/Due (redial).
        var transitions = attempts * 3;
        Console.WriteLine($"{database.Provider}: {tasks:N0} tasks, {attempts:N0} attempts, {transitions:N0} transitions in {sw.Elapsed.TotalSeconds:F1} s " +
            $"= {transitions / sw.Elapsed.TotalSeconds:N0} transitions/s ({attempts / sw.Elapsed.TotalSeconds:N0} effects/s), lines {lines}, left open {open}");
        return 0;
    }

    /// A hospital with a campus and 20 departments (consecutive ids) for the tasks to belong to; true when just made.
    internal static async Task<bool> EnsureDepartmentsAsync(SuifangDbContext db)
    {
        if (await db.Departments.CountAsync() >= 20)
            return false;
        var hospital = new Suifang.Core.Organization.Hospital { Code = "BENCH", Name = "基准医院" };
        hospital.Campuses.Add(new Suifang.Core.Organization.Campus { Code = "C1", Name = "本部" });
        db.Hospitals.Add(hospital);
        await db.SaveChangesAsync();
        for (var d = 0; d < 20; d++)
        {
            db.Departments.Add(new Suifang.Core.Organization.Department
            {
                HospitalId = hospital.Id, CampusId = hospital.Campuses[0].Id, Code = $"D{d:00}", Name = $"科室{d + 1}",
            });
            await db.SaveChangesAsync(); // one by one: consecutive ids
        }
        return true;
    }

    private static double P(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)(q * sorted.Count))];

    /// Tasks without patients or plans (foreign keys off for the load only): 1 in `due` is due now, 1 in 20 is a redial
    /// waiting for its time (in the state the engine gives it: Pending; --redials-as due shows the old Due), the rest
    /// pending in the future; 20 departments, priorities, expected durations and deadlines spread.
    private static async Task LoadAsync(SuifangDbContext db, int count, int due, string queue, TaskState redials = TaskState.Pending)
    {
        var sqlite = db.Database.IsSqlite();
        var rows = sqlite
            ? "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {0}) "
            : "";
        var time = sqlite
            ? (Func<string, string>)(minutes => $"strftime('%Y-%m-%d %H:%M:%S', '2026-12-01 10:00:00', ({minutes}) || ' minutes')")
            : minutes => $"(TIMESTAMP '2026-12-01 10:00:00' + (({minutes}) * INTERVAL '1 minute'))";
        var select = $"""
            INSERT INTO "Tasks" ("HospitalId", "CampusId", "PatientId", "DepartmentId", "ChannelIndex", "Channel", "Queue", "Priority", "State",
                "Paused", "DueFrom", "DueTo", "NextAttemptAt", "Attempts", "LastAttemptNumber", "MaxAttempts", "RetryIntervalMinutes",
                "ExpectedSeconds", "IdempotencyKey", "CreatedAt", "UpdatedAt", "Version")
            SELECT (SELECT MIN("Id") FROM "Hospitals"), (SELECT MIN("Id") FROM "Campuses"), i, (SELECT MIN("Id") FROM "Departments") + i % 20, 0, 1, '{queue}', CASE WHEN i % 97 = 0 THEN 10 WHEN i % 7 = 0 THEN 5 ELSE 0 END,
                CASE WHEN i % {due} = 0 THEN 1 WHEN i % 20 = 1 THEN {(int)redials} ELSE 0 END, {(sqlite ? "0" : "FALSE")},
                {time("-60")}, {time("60 * 24 + i % 2000")}, {time($"CASE WHEN i % {due} = 0 THEN -(i % 600) ELSE 60 + i % 10000 END")},
                0, 0, 2, 0, 60 + (i * 7) % 300, 'bench:' || i, {time("-60")}, {time("-60")}, 0
            {(sqlite ? "FROM n" : "FROM generate_series(1, {0}) AS i")}
            """;
        await db.Database.OpenConnectionAsync();
        if (sqlite)
            await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = OFF");
        else
            await db.Database.ExecuteSqlRawAsync("SET session_replication_role = replica");
        await db.Database.ExecuteSqlRawAsync((rows + select).Replace("{0}", count.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        await db.Database.CloseConnectionAsync();
    }
}
