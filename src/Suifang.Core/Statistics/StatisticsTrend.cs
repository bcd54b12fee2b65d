using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Tasks;

namespace Suifang.Core.Statistics;

/// The trend of the period: due, followed up and completed per day (per month beyond a quarter), grouped by the database.
/// Every day of the period has a point, with zeros where nothing was due.
public static class StatisticsTrend
{
    public static async Task<IReadOnlyList<TrendPoint>> RunAsync(SuifangDbContext db, StaffScope scope, StatisticsFilter filter, CancellationToken ct)
    {
        var tasks = FollowUpStatistics.Tasks(db, scope, filter);
        var period = filter.Period;
        var byMonth = period.TrendByMonth;
        var groups = await tasks
            .GroupBy(t => new { t.DueFrom.Year, t.DueFrom.Month, Day = byMonth ? 1 : t.DueFrom.Day })
            .Select(g => new
            {
                g.Key.Year, g.Key.Month, g.Key.Day, Due = g.Count(),
                FollowedUp = g.Count(t => t.Attempts > 0 || t.State == TaskState.Completed || t.State == TaskState.Unreached || t.State == TaskState.Failed),
                Completed = g.Count(t => t.State == TaskState.Completed),
            })
            .ToListAsync(ct);
        var found = groups.ToDictionary(g => new DateOnly(g.Year, g.Month, g.Day), g => new FollowUpMeasures(g.Due, g.FollowedUp, g.Completed, 0));
        var points = new List<TrendPoint>();
        for (var day = byMonth ? new DateOnly(period.First.Year, period.First.Month, 1) : period.First;
             day <= period.Last;
             day = byMonth ? day.AddMonths(1) : day.AddDays(1))
            points.Add(new TrendPoint(day, found.GetValueOrDefault(day, FollowUpMeasures.Zero)));
        return points;
    }
}
