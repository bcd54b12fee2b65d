using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Statistics.Rollup;
using Suifang.Core.Tasks;
using Suifang.Core.Todos;

namespace Suifang.Core.Statistics;

/// 随访统计 (5.1.7): coverage, reach, completion and abnormal rate by department or staff member and channel, over a
/// period in hospital time. Closed days are read from the daily rollup (StatisticsDays, filled by StatisticsRollup);
/// today, the days ahead and any day not rolled up yet are counted live by the database (GROUP BY over
/// IX_Tasks_Statistics), so the figures are always current. No task row is loaded. Scoped to the user's departments.
public static class FollowUpStatistics
{
    /// To-do kinds that mean "an answer fired a trigger" (a pathway trigger rule, or a critical value said by the patient).
    internal static readonly TodoKind[] AbnormalKinds = [TodoKind.Abnormal, TodoKind.CriticalValue];

    public static async Task<StatisticsReport> RunAsync(SuifangDbContext db, StaffScope scope, StatisticsFilter filter, CancellationToken ct) =>
        await RunAsync(db, scope, filter, await RollupCover.ForAsync(db, scope.HospitalId, filter.Period, ct), ct);

    /// Every day counted live, the rollup ignored: the reference the rollup is tested against (and the bench's "before").
    internal static Task<StatisticsReport> RunLiveAsync(SuifangDbContext db, StaffScope scope, StatisticsFilter filter, CancellationToken ct) =>
        RunAsync(db, scope, filter, RollupCover.AllLive(filter.Period), ct);

    private static async Task<StatisticsReport> RunAsync(SuifangDbContext db, StaffScope scope, StatisticsFilter filter, RollupCover cover, CancellationToken ct)
    {
        var sums = new Dictionary<(int DepartmentId, string? Staff, ChannelKind Channel), FollowUpMeasures>();
        void Add((int, string?, ChannelKind) key, FollowUpMeasures m) => sums[key] = sums.GetValueOrDefault(key, FollowUpMeasures.Zero) + m;
        if (cover.AnyRolled)
            foreach (var (key, m) in await RollupStatistics.CountAsync(db, scope, filter, cover, ct))
                Add(key, m);
        foreach (var (first, last) in cover.LiveRanges)
        {
            var (from, until) = (RollupCover.Start(first), RollupCover.Start(last.AddDays(1)));
            foreach (var c in await CountTasksAsync(db, scope, filter, from, until, ct))
                Add((c.DepartmentId, c.Staff, c.Channel), new FollowUpMeasures(c.Due, c.FollowedUp, c.Completed, 0));
            foreach (var (key, n) in await CountAbnormalAsync(db, scope, filter, from, until, ct))
                Add(key, new FollowUpMeasures(0, 0, 0, n));
        }
        var names = await db.Departments.AsNoTracking().Where(d => d.HospitalId == scope.HospitalId)
            .ToDictionaryAsync(d => d.Id, d => d.Name, ct);

        // A group is shown when something was due in it; abnormal steps of a group without due tasks are left out.
        var rows = sums.Where(s => s.Value.Due > 0)
            .Select(s => new StatisticsRow(s.Key.DepartmentId, names.GetValueOrDefault(s.Key.DepartmentId, $"科室 {s.Key.DepartmentId}"), s.Key.Staff,
                s.Key.Channel, s.Value))
            .OrderBy(r => r.DepartmentName, StringComparer.Ordinal).ThenBy(r => r.Staff, StringComparer.Ordinal).ThenBy(r => r.Channel)
            .ToList();
        var byChannel = ChannelNames.All.Where(c => filter.Channel is null || filter.Channel == c)
            .ToDictionary(c => c, c => rows.Where(r => r.Channel == c).Select(r => r.Measures).Aggregate(FollowUpMeasures.Zero, (a, b) => a + b));
        var total = byChannel.Values.Aggregate(FollowUpMeasures.Zero, (a, b) => a + b);
        var trend = await StatisticsTrend.RunAsync(db, scope, filter, cover, ct);
        return new StatisticsReport(filter, rows, byChannel, total, trend);
    }

    /// The tasks due in [from, until) the user may see, before grouping.
    internal static IQueryable<FollowUpTask> Tasks(SuifangDbContext db, StaffScope scope, StatisticsFilter filter, DateTime from, DateTime until)
    {
        var tasks = db.Tasks.AsNoTracking()
            .Where(t => t.HospitalId == scope.HospitalId && t.DueFrom >= from && t.DueFrom < until && t.State != TaskState.Cancelled);
        if (!scope.AllDepartments)
        {
            var departments = scope.DepartmentIds.ToArray();
            tasks = tasks.Where(t => departments.Contains(t.DepartmentId));
        }
        if (filter.DepartmentId is { } department)
            tasks = tasks.Where(t => t.DepartmentId == department);
        if (filter.Channel is { } channel)
            tasks = tasks.Where(t => t.Channel == channel);
        return tasks;
    }

    internal sealed record TaskCounts(int DepartmentId, string? Staff, ChannelKind Channel, int Due, int FollowedUp, int Completed);

    internal static async Task<List<TaskCounts>> CountTasksAsync(SuifangDbContext db, StaffScope scope, StatisticsFilter filter, DateTime from,
        DateTime until, CancellationToken ct)
    {
        var tasks = Tasks(db, scope, filter, from, until);
        if (filter.Grouping == StatisticsGrouping.Department)
        {
            return await tasks.GroupBy(t => new { t.DepartmentId, t.Channel })
                .Select(g => new TaskCounts(g.Key.DepartmentId, null, g.Key.Channel, g.Count(),
                    g.Count(t => t.Attempts > 0 || t.State == TaskState.Completed || t.State == TaskState.Unreached || t.State == TaskState.Failed),
                    g.Count(t => t.State == TaskState.Completed)))
                .ToListAsync(ct);
        }
        var withStaff =
            from t in tasks
            join p in db.Plans on t.PlanId equals p.Id into tp
            from p in tp.DefaultIfEmpty()
            join e in db.Encounters on p.EncounterId equals e.Id into pe
            from e in pe.DefaultIfEmpty()
            select new { t.DepartmentId, t.Channel, t.Attempts, t.State, Staff = e.AttendingDoctor };
        var grouped = await withStaff.GroupBy(t => new { t.DepartmentId, t.Staff, t.Channel })
            .Select(g => new
            {
                g.Key.DepartmentId, g.Key.Staff, g.Key.Channel, Due = g.Count(),
                FollowedUp = g.Count(t => t.Attempts > 0 || t.State == TaskState.Completed || t.State == TaskState.Unreached || t.State == TaskState.Failed),
                Completed = g.Count(t => t.State == TaskState.Completed),
            })
            .ToListAsync(ct);
        return grouped.GroupBy(g => (g.DepartmentId, Staff: StaffName(g.Staff), g.Channel))
            .Select(g => new TaskCounts(g.Key.DepartmentId, g.Key.Staff, g.Key.Channel, g.Sum(x => x.Due), g.Sum(x => x.FollowedUp), g.Sum(x => x.Completed)))
            .ToList();
    }

    /// Plan steps due in [start, until) with an abnormal or critical to-do, counted once per step and channel (a step with
    /// two abnormal answers in one call is one abnormal follow-up). Answers come once the step's window has opened: a
    /// to-do counts when made at or after its step's DueFrom, which depends on the step alone, so that the days of a
    /// period add up (the daily rollup); "CreatedAt ≥ start" follows from it and keeps the scan to the recent to-dos.
    internal static async Task<Dictionary<(int, string?, ChannelKind), int>> CountAbnormalAsync(SuifangDbContext db, StaffScope scope,
        StatisticsFilter filter, DateTime start, DateTime until, CancellationToken ct)
    {
        var kinds = AbnormalKinds;
        var todos = db.Todos.AsNoTracking()
            .Where(t => t.HospitalId == scope.HospitalId && kinds.Contains(t.Kind) && t.PlanStepId != null && t.CreatedAt >= start);
        if (!scope.AllDepartments)
        {
            var departments = scope.DepartmentIds.ToArray();
            todos = todos.Where(t => departments.Contains(t.DepartmentId));
        }
        if (filter.DepartmentId is { } department)
            todos = todos.Where(t => t.DepartmentId == department);
        if (filter.Channel is { } channel)
        {
            var source = ChannelNames.TodoSource(channel);
            todos = todos.Where(t => t.Source == source);
        }
        var inPeriod =
            from t in todos
            join s in db.PlanSteps on t.PlanStepId equals s.Id
            where s.DueFrom >= start && s.DueFrom < until && t.CreatedAt >= s.DueFrom
            select new { t.DepartmentId, t.Source, t.PlanStepId, s.PlanId };
        var grouped = filter.Grouping == StatisticsGrouping.Department
            ? await inPeriod.GroupBy(t => new { t.DepartmentId, t.Source })
                .Select(g => new AbnormalCount(g.Key.DepartmentId, g.Key.Source, null, g.Select(t => t.PlanStepId).Distinct().Count()))
                .ToListAsync(ct)
            : await (from t in inPeriod
                     join p in db.Plans on t.PlanId equals p.Id
                     join e in db.Encounters on p.EncounterId equals e.Id into pe
                     from e in pe.DefaultIfEmpty()
                     select new { t.DepartmentId, t.Source, t.PlanStepId, Staff = e.AttendingDoctor })
                .GroupBy(t => new { t.DepartmentId, t.Source, t.Staff })
                .Select(g => new AbnormalCount(g.Key.DepartmentId, g.Key.Source, g.Key.Staff, g.Select(t => t.PlanStepId).Distinct().Count()))
                .ToListAsync(ct);
        var result = new Dictionary<(int, string?, ChannelKind), int>();
        foreach (var g in grouped)
        {
            if (!BySource.TryGetValue(g.Source, out var c))
                continue;
            var staff = filter.Grouping == StatisticsGrouping.Staff ? StaffName(g.Staff) : null;
            result[(g.DepartmentId, staff, c)] = result.GetValueOrDefault((g.DepartmentId, staff, c)) + g.Steps;
        }
        return result;
    }

    private sealed record AbnormalCount(int DepartmentId, string Source, string? Staff, int Steps);

    private static readonly Dictionary<string, ChannelKind> BySource = ChannelNames.All.ToDictionary(ChannelNames.TodoSource);

    /// Encounters without an attending doctor, and stand-alone tasks, are shown together under this name.
    public const string NoStaff = "（未指定主治医生）";

    internal static string StaffName(string? staff) => string.IsNullOrWhiteSpace(staff) ? NoStaff : staff.Trim();
}
