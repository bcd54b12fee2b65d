using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Statistics;
using Suifang.Core.Statistics.Rollup;

namespace Suifang.Bench;

/// dashboard: p50/p95 of each statistics query (5.1.7) over --tasks (default 1,000,000) tasks and plan steps and
/// --calls (default 1,000,000) AI calls of the year 2026 (DashboardSeed), for a supervisor (all departments) and a nurse
/// of two departments. Target: p95 ≤ 500 ms on SQLite and PostgreSQL.
/// The bench's hospital day is --today (default 2026-12-29: the seed's tasks reach two days ahead, as the plans'
/// 3-day task horizon does in a hospital). Before measuring it fills the daily rollup the way the job does
/// (StatisticsRollup.RunAsync; --rebuild empties it first) and prints the time. Each query is measured as the pages
/// run it (closed days from the rollup, today and later live) and, with --live-runs (default 3, 0 = skip), counted
/// live over every day as before the rollup.
internal static class DashboardBench
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var tasks = args.GetInt("tasks", 1_000_000);
        var calls = args.GetInt("calls", 1_000_000);
        var today = DateOnly.ParseExact(args.Get("today", "2026-12-29"), "yyyy-MM-dd", CultureInfo.InvariantCulture);
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
        await FillRollupAsync(database, today, args.Has("rebuild"));
        Console.WriteLine($"load average: {Load()}");

        var supervisor = new StaffScope("bench", "监管", hospitalId, true, new HashSet<int>(), new HashSet<string> { Roles.Supervisor });
        var nurse = new StaffScope("bench", "护士", hospitalId, false, departments.ToHashSet(), new HashSet<string> { Roles.Nurse });
        var runs = args.GetInt("runs", 20);
        var liveRuns = args.GetInt("live-runs", 3);
        database.LogSql = args.Has("sql");

        Console.WriteLine($"{database.Provider}: {tasks:N0} tasks, {calls:N0} calls, today {today:yyyy-MM-dd}; {runs} runs per query after 2 warm-ups " +
                          $"(live: {liveRuns} after 1)");
        Console.WriteLine("query | p50 ms | p95 ms | max ms | rows | live p50 ms | live p95 ms | live rows");
        var bench = new Measure(database, runs, liveRuns);
        foreach (var kind in new[] { PeriodKind.Day, PeriodKind.Week, PeriodKind.Month, PeriodKind.Quarter, PeriodKind.Year })
            await bench.ReportAsync($"statistics {kind}, by department, all departments", supervisor, Filter(kind, today, StatisticsGrouping.Department));
        foreach (var kind in new[] { PeriodKind.Month, PeriodKind.Year })
            await bench.ReportAsync($"statistics {kind}, by doctor, all departments", supervisor, Filter(kind, today, StatisticsGrouping.Staff));
        await bench.ReportAsync("statistics Month, by department, nurse of 2 departments", nurse, Filter(PeriodKind.Month, today, StatisticsGrouping.Department));
        await bench.ReportAsync("statistics Year, by doctor, nurse of 2 departments", nurse, Filter(PeriodKind.Year, today, StatisticsGrouping.Staff));
        await bench.RunAsync("export xlsx Month, by doctor (report + workbook)",
            db => Export(FollowUpStatistics.RunAsync(db, supervisor, Filter(PeriodKind.Month, today, StatisticsGrouping.Staff), default)),
            db => Export(FollowUpStatistics.RunLiveAsync(db, supervisor, Filter(PeriodKind.Month, today, StatisticsGrouping.Staff), default)));
        foreach (var kind in new[] { PeriodKind.Week, PeriodKind.Month, PeriodKind.Year })
            await bench.RunAsync($"outbound batches {kind}, first page of 50",
                async db => (await OutboundBatches.ListAsync(db, supervisor, StatisticsPeriod.Around(kind, today), null, 1, 50, default)).Items.Count,
                async db => (await OutboundBatches.ListLiveAsync(db, supervisor, StatisticsPeriod.Around(kind, today), null, 1, 50, default)).Items.Count);
        await bench.RunAsync("calls of one batch", async db =>
        {
            var first = (await OutboundBatches.ListAsync(db, supervisor, StatisticsPeriod.Around(PeriodKind.Day, today.AddDays(-1)), null, 1, 1, default)).Items[0];
            return (await OutboundBatches.CallsAsync(db, supervisor, first.Key, default)).Count;
        }, null);
        Console.WriteLine($"load average: {Load()}");
        return 0;
    }

    /// The job's run: every closed day up to yesterday (all of them on the first run), then the usual re-rolled days.
    private static async Task FillRollupAsync(BenchDatabase database, DateOnly today, bool rebuild)
    {
        await using var db = database.NewContext();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        if (rebuild)
        {
            await db.StatisticsRolledDays.ExecuteDeleteAsync();
            await db.StatisticsDays.ExecuteDeleteAsync();
            await db.StatisticsBatchDays.ExecuteDeleteAsync();
        }
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var runs = await StatisticsRollup.RunAsync(db, today, today.ToDateTime(new TimeOnly(0, 5)), new StatisticsRollupOptions(), default);
        var rows = await db.StatisticsDays.CountAsync();
        var batches = await db.StatisticsBatchDays.CountAsync();
        Console.WriteLine($"rollup: {runs.Sum(r => r.Days)} days ({runs.Sum(r => r.Missing)} missing, {runs.Sum(r => r.ReRolled)} re-rolled) in " +
                          $"{sw.Elapsed.TotalSeconds:F1} s (bench CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F1} s); " +
                          $"{rows:N0} day rows, {batches:N0} batch rows; load average {Load()}");
        sw.Restart();
        var again = await StatisticsRollup.RunAsync(db, today, today.ToDateTime(new TimeOnly(0, 20)), new StatisticsRollupOptions(), default);
        Console.WriteLine($"rollup rerun 15 minutes later: {again.Sum(r => r.Days)} days in {sw.Elapsed.TotalSeconds:F1} s");
    }

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static async Task<int> Export(Task<StatisticsReport> run)
    {
        var report = await run;
        using var file = new MemoryStream();
        StatisticsWorkbook.Write(file, report, "全部", "监管", DateTime.Now);
        return report.Rows.Count;
    }

    private static StatisticsFilter Filter(PeriodKind kind, DateOnly day, StatisticsGrouping grouping) =>
        new() { Period = StatisticsPeriod.Around(kind, day), Grouping = grouping };

    private sealed class Measure(BenchDatabase database, int runs, int liveRuns)
    {
        public Task ReportAsync(string name, StaffScope scope, StatisticsFilter filter) => RunAsync(name,
            async db => (await FollowUpStatistics.RunAsync(db, scope, filter, default)).Rows.Count,
            async db => (await FollowUpStatistics.RunLiveAsync(db, scope, filter, default)).Rows.Count);

        public async Task RunAsync(string name, Func<SuifangDbContext, Task<int>> query, Func<SuifangDbContext, Task<int>>? live)
        {
            var (times, rows) = await TimeAsync(name, runs, 2, query);
            var line = $"{name} | {P(times, 0.50):F0} | {P(times, 0.95):F0} | {times[^1]:F0} | {rows}";
            if (live is not null && liveRuns > 0)
            {
                var (liveTimes, liveRows) = await TimeAsync(name, liveRuns, 1, live);
                line += $" | {P(liveTimes, 0.50):F0} | {P(liveTimes, 0.95):F0} | {liveRows}";
            }
            Console.WriteLine(line);
        }

        private async Task<(List<double>, int)> TimeAsync(string name, int count, int warmUps, Func<SuifangDbContext, Task<int>> query)
        {
            var times = new List<double>();
            var rows = 0;
            for (var i = 0; i < count + warmUps; i++)
            {
                await using var db = database.NewContext();
                var sw = Stopwatch.StartNew();
                rows = await query(db);
                sw.Stop();
                if (i >= warmUps)
                    times.Add(sw.Elapsed.TotalMilliseconds);
            }
            if (rows == 0)
                throw new InvalidOperationException($"{name}: no rows; the figures would mean nothing");
            times.Sort();
            return (times, rows);
        }
    }

    private static double P(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)(q * sorted.Count))];
}
