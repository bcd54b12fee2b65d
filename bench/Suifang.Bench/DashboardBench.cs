using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Statistics;

namespace Suifang.Bench;

/// dashboard: p50/p95 of each statistics query (5.1.7) over --tasks (default 1,000,000) tasks and plan steps and
/// --calls (default 1,000,000) AI calls of the year 2026 (DashboardSeed), for a supervisor (all departments) and a nurse
/// of two departments. Target: p95 ≤ 500 ms on SQLite and PostgreSQL.
internal static class DashboardBench
{
    private static readonly DateOnly Day = new(2026, 11, 18);

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var tasks = args.GetInt("tasks", 1_000_000);
        var calls = args.GetInt("calls", 1_000_000);
        var database = await BenchDatabase.OpenAsync(args, "suifang_bench_dashboard");
        int hospitalId;
        int[] departments;
        await using (var db = database.NewContext())
        {
            await db.Database.MigrateAsync();
            if (args.Has("reload") || await db.Tasks.CountAsync() != tasks || await db.Calls.CountAsync() != calls)
            {
                await database.ResetAsync();
                await using var fresh = database.NewContext();
                await TaskBench.EnsureDepartmentsAsync(fresh);
                var sw = Stopwatch.StartNew();
                await DashboardSeed.LoadAsync(fresh, tasks, calls);
                Console.WriteLine($"seeded {tasks:N0} tasks and plan steps, {calls:N0} calls, {tasks / 5:N0} plans and encounters, {tasks / 20:N0} to-dos in {sw.Elapsed.TotalSeconds:F0} s");
            }
            var analyze = Stopwatch.StartNew();
            await db.Database.ExecuteSqlRawAsync(db.Database.IsSqlite() ? "ANALYZE" : "VACUUM ANALYZE");
            Console.WriteLine($"analyze: {analyze.Elapsed.TotalSeconds:F0} s");
            hospitalId = await db.Hospitals.MinAsync(h => h.Id);
            departments = await db.Departments.OrderBy(d => d.Id).Select(d => d.Id).Take(2).ToArrayAsync();
        }
        var supervisor = new StaffScope("bench", "监管", hospitalId, true, new HashSet<int>(), new HashSet<string> { Roles.Supervisor });
        var nurse = new StaffScope("bench", "护士", hospitalId, false, departments.ToHashSet(), new HashSet<string> { Roles.Nurse });
        var runs = args.GetInt("runs", 20);
        database.LogSql = args.Has("sql");

        Console.WriteLine($"{database.Provider}: {tasks:N0} tasks, {calls:N0} calls; {runs} runs per query after 2 warm-ups");
        Console.WriteLine("query | p50 ms | p95 ms | max ms | rows");
        foreach (var kind in new[] { PeriodKind.Day, PeriodKind.Week, PeriodKind.Month, PeriodKind.Quarter, PeriodKind.Year })
            await MeasureAsync($"statistics {kind}, by department, all departments", runs, database, db => Report(db, supervisor, kind, StatisticsGrouping.Department));
        foreach (var kind in new[] { PeriodKind.Month, PeriodKind.Year })
            await MeasureAsync($"statistics {kind}, by doctor, all departments", runs, database, db => Report(db, supervisor, kind, StatisticsGrouping.Staff));
        await MeasureAsync("statistics Month, by department, nurse of 2 departments", runs, database, db => Report(db, nurse, PeriodKind.Month, StatisticsGrouping.Department));
        await MeasureAsync("statistics Year, by doctor, nurse of 2 departments", runs, database, db => Report(db, nurse, PeriodKind.Year, StatisticsGrouping.Staff));
        await MeasureAsync("export xlsx Month, by doctor (report + workbook)", runs, database, async db =>
        {
            var report = await FollowUpStatistics.RunAsync(db, supervisor, Filter(PeriodKind.Month, StatisticsGrouping.Staff), default);
            using var file = new MemoryStream();
            StatisticsWorkbook.Write(file, report, "全部", "监管", DateTime.Now);
            return report.Rows.Count;
        });
        foreach (var kind in new[] { PeriodKind.Week, PeriodKind.Month, PeriodKind.Year })
            await MeasureAsync($"outbound batches {kind}, first page of 50", runs, database, async db =>
                (await OutboundBatches.ListAsync(db, supervisor, StatisticsPeriod.Around(kind, Day), null, 1, 50, default)).Items.Count);
        await MeasureAsync("calls of one batch", runs, database, async db =>
        {
            var first = (await OutboundBatches.ListAsync(db, supervisor, StatisticsPeriod.Around(PeriodKind.Day, Day), null, 1, 1, default)).Items[0];
            return (await OutboundBatches.CallsAsync(db, supervisor, first.Key, default)).Count;
        });
        return 0;
    }

    private static StatisticsFilter Filter(PeriodKind kind, StatisticsGrouping grouping) =>
        new() { Period = StatisticsPeriod.Around(kind, Day), Grouping = grouping };

    private static async Task<int> Report(SuifangDbContext db, StaffScope scope, PeriodKind kind, StatisticsGrouping grouping) =>
        (await FollowUpStatistics.RunAsync(db, scope, Filter(kind, grouping), default)).Rows.Count;

    private static async Task MeasureAsync(string name, int runs, BenchDatabase database, Func<SuifangDbContext, Task<int>> query)
    {
        var times = new List<double>();
        var rows = 0;
        for (var i = 0; i < runs + 2; i++)
        {
            await using var db = database.NewContext();
            var sw = Stopwatch.StartNew();
            rows = await query(db);
            sw.Stop();
            if (i >= 2)
                times.Add(sw.Elapsed.TotalMilliseconds);
        }
        if (rows == 0)
            throw new InvalidOperationException($"{name}: no rows; the figures would mean nothing");
        times.Sort();
        Console.WriteLine($"{name} | {P(times, 0.50):F0} | {P(times, 0.95):F0} | {times[^1]:F0} | {rows}");
    }

    private static double P(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)(q * sorted.Count))];
}
