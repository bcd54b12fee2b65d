using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Statistics.Rollup;

namespace Suifang.Core.Statistics;

/// The trend of the period: due, followed up and completed per day (per month beyond a quarter), grouped by the database
/// — from the daily rollup for rolled-up days, live for the others. Every day of the period has a point, with zeros
/// where nothing was due.
/// The day is cut from the stored wall-clock time as text (SQLite keeps "yyyy-MM-dd HH:mm:ss"; PostgreSQL formats it),
/// which is three times cheaper than the Year/Month/Day functions EF would use (strftime per row on SQLite); the
/// filter is the same as FollowUpStatistics.Tasks.
public static class StatisticsTrend
{
    internal sealed class DayCount
    {
        public string Day { get; set; } = "";
        public long Due { get; set; }
        public long FollowedUp { get; set; }
        public long Completed { get; set; }
    }

    internal static async Task<IReadOnlyList<TrendPoint>> RunAsync(SuifangDbContext db, StaffScope scope, StatisticsFilter filter, RollupCover cover,
        CancellationToken ct)
    {
        var period = filter.Period;
        var byMonth = period.TrendByMonth;
        var found = new Dictionary<DateOnly, FollowUpMeasures>();
        void Add(DateOnly day, FollowUpMeasures m)
        {
            var key = byMonth ? new DateOnly(day.Year, day.Month, 1) : day;
            found[key] = found.GetValueOrDefault(key, FollowUpMeasures.Zero) + m;
        }
        if (cover.AnyRolled)
            foreach (var (day, m) in await RollupStatistics.TrendAsync(db, scope, filter, cover, ct))
                Add(day, m);
        foreach (var (first, last) in cover.LiveRanges)
            foreach (var (day, m) in await LiveAsync(db, scope, filter, RollupCover.Start(first), RollupCover.Start(last.AddDays(1)), byMonth, ct))
                Add(day, m);
        var points = new List<TrendPoint>();
        for (var d = byMonth ? new DateOnly(period.First.Year, period.First.Month, 1) : period.First;
             d <= period.Last;
             d = byMonth ? d.AddMonths(1) : d.AddDays(1))
            points.Add(new TrendPoint(d, found.GetValueOrDefault(d, FollowUpMeasures.Zero)));
        return points;
    }

    /// The tasks due in [from, until), counted per day (or per month: the key is then the month's first day).
    private static async Task<Dictionary<DateOnly, FollowUpMeasures>> LiveAsync(SuifangDbContext db, StaffScope scope, StatisticsFilter filter,
        DateTime from, DateTime until, bool byMonth, CancellationToken ct)
    {
        var sqlite = db.Database.IsSqlite();
        var day = sqlite
            ? $"substr(\"DueFrom\", 1, {(byMonth ? 7 : 10)})"
            : $"to_char(\"DueFrom\", '{(byMonth ? "YYYY-MM" : "YYYY-MM-DD")}')";
        // The bounds are whole days, written as literals (a DateTime parameter would be timestamptz to Npgsql).
        string At(DateTime t) => (sqlite ? "'" : "TIMESTAMP '") + t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "'";
        var where = new List<string> { "\"HospitalId\" = {0}", $"\"DueFrom\" >= {At(from)}", $"\"DueFrom\" < {At(until)}", "\"State\" <> 7" };
        var args = new List<object> { scope.HospitalId };
        if (!scope.AllDepartments)
            where.Add(scope.DepartmentIds.Count == 0 ? "1 = 0" : $"\"DepartmentId\" IN ({string.Join(",", scope.DepartmentIds.Select(d => d.ToString(CultureInfo.InvariantCulture)))})");
        if (filter.DepartmentId is { } department)
        {
            where.Add($"\"DepartmentId\" = {{{args.Count}}}");
            args.Add(department);
        }
        if (filter.Channel is { } channel)
        {
            where.Add($"\"Channel\" = {{{args.Count}}}");
            args.Add((int)channel);
        }
        // States: 4 Completed, 5 Unreached, 6 Failed, 7 Cancelled (TaskState).
        var sql = $"""
            SELECT {day} AS "Day", COUNT(*) AS "Due",
                SUM(CASE WHEN "Attempts" > 0 OR "State" IN (4, 5, 6) THEN 1 ELSE 0 END) AS "FollowedUp",
                SUM(CASE WHEN "State" = 4 THEN 1 ELSE 0 END) AS "Completed"
            FROM "Tasks" WHERE {string.Join(" AND ", where)}
            GROUP BY {day}
            """;
        var groups = await db.Database.SqlQueryRaw<DayCount>(sql, args.ToArray()).ToListAsync(ct);
        return groups.ToDictionary(
            g => byMonth ? DateOnly.ParseExact(g.Day + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture) : DateOnly.ParseExact(g.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            g => new FollowUpMeasures((int)g.Due, (int)g.FollowedUp, (int)g.Completed, 0));
    }
}
