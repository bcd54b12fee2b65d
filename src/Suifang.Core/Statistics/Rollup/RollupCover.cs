using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;

namespace Suifang.Core.Statistics.Rollup;

/// Which days of a period a report reads from the daily rollup and which it counts live: rolled-up days come from
/// StatisticsDays / StatisticsBatchDays (between RolledFirst and RolledLast, less the Holes inside), every other day —
/// today, the days ahead, a day the job has not reached yet — is counted from the tasks, to-dos and calls (LiveRanges).
internal sealed record RollupCover(DateOnly? RolledFirst, DateOnly? RolledLast, DateOnly[] Holes, IReadOnlyList<(DateOnly First, DateOnly Last)> LiveRanges)
{
    public bool AnyRolled => RolledFirst is not null;

    /// Every day live: what the reports did before the rollup, and the reference the rollup is tested against.
    public static RollupCover AllLive(StatisticsPeriod period) => new(null, null, [], [(period.First, period.Last)]);

    public static async Task<RollupCover> ForAsync(SuifangDbContext db, int hospitalId, StatisticsPeriod period, CancellationToken ct)
    {
        var (first, last) = (period.First, period.Last);
        var rolled = (await db.StatisticsRolledDays.AsNoTracking()
                .Where(d => d.HospitalId == hospitalId && d.Day >= first && d.Day <= last)
                .Select(d => d.Day).ToListAsync(ct))
            .ToHashSet();
        if (rolled.Count == 0)
            return AllLive(period);
        var (lo, hi) = (rolled.Min(), rolled.Max());
        var holes = new List<DateOnly>();
        var live = new List<(DateOnly, DateOnly)>();
        DateOnly? start = null;
        for (var d = first; d <= last; d = d.AddDays(1))
        {
            if (!rolled.Contains(d))
            {
                start ??= d;
                if (d > lo && d < hi)
                    holes.Add(d);
            }
            else if (start is { } s)
            {
                live.Add((s, d.AddDays(-1)));
                start = null;
            }
        }
        if (start is { } open)
            live.Add((open, last));
        return new RollupCover(lo, hi, holes.ToArray(), live);
    }

    public static DateTime Start(DateOnly day) => day.ToDateTime(TimeOnly.MinValue);
}
