using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Pathways;

namespace Suifang.Core.Statistics.Rollup;

/// The statistics of the rolled-up days of a period, summed by the database from StatisticsDays (at most
/// days × departments × doctors × channels rows), with the same scope and filters as the live count.
internal static class RollupStatistics
{
    public static IQueryable<StatisticsDay> Days(SuifangDbContext db, StaffScope scope, StatisticsFilter filter, RollupCover cover)
    {
        var (lo, hi, holes) = (cover.RolledFirst!.Value, cover.RolledLast!.Value, cover.Holes);
        var days = db.StatisticsDays.AsNoTracking().Where(d => d.HospitalId == scope.HospitalId && d.Day >= lo && d.Day <= hi);
        if (holes.Length > 0)
            days = days.Where(d => !holes.Contains(d.Day));
        if (!scope.AllDepartments)
        {
            var departments = scope.DepartmentIds.ToArray();
            days = days.Where(d => departments.Contains(d.DepartmentId));
        }
        if (filter.DepartmentId is { } department)
            days = days.Where(d => d.DepartmentId == department);
        if (filter.Channel is { } channel)
            days = days.Where(d => d.Channel == channel);
        return days;
    }

    public static async Task<List<((int, string?, ChannelKind), FollowUpMeasures)>> CountAsync(SuifangDbContext db, StaffScope scope,
        StatisticsFilter filter, RollupCover cover, CancellationToken ct)
    {
        var days = Days(db, scope, filter, cover);
        if (filter.Grouping == StatisticsGrouping.Department)
        {
            var byDepartment = await days.GroupBy(d => new { d.DepartmentId, d.Channel })
                .Select(g => new { g.Key.DepartmentId, g.Key.Channel, Due = g.Sum(d => d.Due), FollowedUp = g.Sum(d => d.FollowedUp),
                    Completed = g.Sum(d => d.Completed), Abnormal = g.Sum(d => d.Abnormal) })
                .ToListAsync(ct);
            return byDepartment.Select(g => ((g.DepartmentId, (string?)null, g.Channel), new FollowUpMeasures(g.Due, g.FollowedUp, g.Completed, g.Abnormal)))
                .ToList();
        }
        var byStaff = await days.GroupBy(d => new { d.DepartmentId, d.Staff, d.Channel })
            .Select(g => new { g.Key.DepartmentId, g.Key.Staff, g.Key.Channel, Due = g.Sum(d => d.Due), FollowedUp = g.Sum(d => d.FollowedUp),
                Completed = g.Sum(d => d.Completed), Abnormal = g.Sum(d => d.Abnormal) })
            .ToListAsync(ct);
        return byStaff.Select(g => ((g.DepartmentId, (string?)FollowUpStatistics.StaffName(g.Staff), g.Channel),
            new FollowUpMeasures(g.Due, g.FollowedUp, g.Completed, g.Abnormal))).ToList();
    }

    /// Due, followed up and completed per rolled-up day (the trend).
    public static async Task<Dictionary<DateOnly, FollowUpMeasures>> TrendAsync(SuifangDbContext db, StaffScope scope, StatisticsFilter filter,
        RollupCover cover, CancellationToken ct)
    {
        var perDay = await Days(db, scope, filter, cover).GroupBy(d => d.Day)
            .Select(g => new { Day = g.Key, Due = g.Sum(d => d.Due), FollowedUp = g.Sum(d => d.FollowedUp), Completed = g.Sum(d => d.Completed) })
            .ToListAsync(ct);
        return perDay.ToDictionary(d => d.Day, d => new FollowUpMeasures(d.Due, d.FollowedUp, d.Completed, 0));
    }
}
