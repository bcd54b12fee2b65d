using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Calls;
using Suifang.Core.Common;
using Suifang.Core.Data;
using Suifang.Core.Statistics.Rollup;

namespace Suifang.Core.Statistics;

/// 外呼批次 (5.1.7): the AI calls of one day, one department, one follow-up period (the plan node, "D+7") and one script
/// version — the way a nurse speaks of "today's D+7 calls of cardiology". Counted by the database over
/// IX_Calls_Batches for the days not in the daily rollup; inbound calls are not batches.
public sealed record OutboundBatch(DateOnly Day, int DepartmentId, string DepartmentName, string? Period, string ScriptKey, int ScriptVersion,
    DateTime FirstCallAt, DateTime LastCallAt, int Calls, int Patients, int Answered, int Completed)
{
    /// 接通率 = 接通的电话 / 拨出的电话.
    public double? AnsweredRate => FollowUpMeasures.Rate(Answered, Calls);

    /// The batch's address for the drill-down page.
    public BatchKey Key => new(Day, DepartmentId, Period, ScriptKey, ScriptVersion);
}

public sealed record BatchKey(DateOnly Day, int DepartmentId, string? Period, string ScriptKey, int ScriptVersion);

public sealed record BatchCall(long Id, long PatientId, string PatientName, string NumberMasked, DateTime StartedAt, DateTime? AnsweredAt,
    CallEnd End, string? Detail, string? Summary, bool HasRecording, int AttemptNumber);

public static class OutboundBatches
{
    /// The batches of the period, newest day first: closed days from the daily rollup (StatisticsBatchDays), the other
    /// days grouped live one day at a time (a range per day, so no date function runs per call row).
    public static async Task<PagedResult<OutboundBatch>> ListAsync(SuifangDbContext db, StaffScope scope, StatisticsPeriod period,
        int? departmentId, int page, int pageSize, CancellationToken ct)
    {
        page = Math.Max(1, page);
        var cover = await RollupCover.ForAsync(db, scope.HospitalId, period, ct);
        var live = new List<OutboundBatch>();
        var newest = await Scoped(db, scope).MaxAsync(c => (DateTime?)c.StartedAt, ct);
        foreach (var (first, last) in cover.LiveRanges)
            for (var day = first; day <= last && newest is { } n && RollupCover.Start(day) <= n; day = day.AddDays(1))
                live.AddRange(await LiveDayAsync(db, scope, day, departmentId, ct));
        var total = live.Count;
        var rolled = new List<OutboundBatch>();
        if (cover.AnyRolled)
        {
            var rows = RolledRows(db, scope, cover, departmentId);
            total += await rows.CountAsync(ct);
            // Only the rows that can land on this page: the newest page × size of the rollup, merged with the live ones.
            rolled = (await rows.OrderByDescending(r => r.Day).ThenByDescending(r => r.FirstCallAt).ThenBy(r => r.DepartmentId)
                    .ThenBy(r => r.ScriptKey).ThenBy(r => r.ScriptVersion).ThenBy(r => r.Period ?? "")
                    .Take(page * pageSize).ToListAsync(ct))
                .Select(r => new OutboundBatch(r.Day, r.DepartmentId, "", r.Period, r.ScriptKey, r.ScriptVersion, r.FirstCallAt, r.LastCallAt,
                    r.Calls, r.Patients, r.Answered, r.Completed))
                .ToList();
        }
        var batches = live.Concat(rolled)
            .OrderByDescending(b => b.Day).ThenByDescending(b => b.FirstCallAt).ThenBy(b => b.DepartmentId)
            .ThenBy(b => b.ScriptKey, StringComparer.Ordinal).ThenBy(b => b.ScriptVersion).ThenBy(b => b.Period ?? "", StringComparer.Ordinal)
            .Skip((page - 1) * pageSize).Take(pageSize).ToList();
        return new PagedResult<OutboundBatch>(await NamedAsync(db, batches, ct), page, pageSize, total);
    }

    /// The batches of one day, grouped by the database over IX_Calls_Batches (also what the daily rollup stores).
    internal static async Task<List<OutboundBatch>> LiveDayAsync(SuifangDbContext db, StaffScope scope, DateOnly day, int? departmentId,
        CancellationToken ct)
    {
        var (from, until) = (RollupCover.Start(day), RollupCover.Start(day.AddDays(1)));
        var calls = Scoped(db, scope).Where(c => c.StartedAt >= from && c.StartedAt < until);
        if (departmentId is { } d)
            calls = calls.Where(c => c.DepartmentId == d);
        var rows = await calls.GroupBy(c => new { c.DepartmentId, c.Period, c.ScriptKey, c.ScriptVersion })
            .Select(g => new
            {
                g.Key.DepartmentId, g.Key.Period, g.Key.ScriptKey, g.Key.ScriptVersion,
                First = g.Min(c => c.StartedAt), Last = g.Max(c => c.StartedAt), Calls = g.Count(),
                Patients = g.Select(c => c.PatientId).Distinct().Count(),
                Answered = g.Count(c => c.AnsweredAt != null), Completed = g.Count(c => c.End == CallEnd.Completed),
            })
            .ToListAsync(ct);
        return rows.Select(r => new OutboundBatch(day, r.DepartmentId, "", r.Period, r.ScriptKey, r.ScriptVersion, r.First, r.Last,
            r.Calls, r.Patients, r.Answered, r.Completed)).ToList();
    }

    private static IQueryable<StatisticsBatchDay> RolledRows(SuifangDbContext db, StaffScope scope, RollupCover cover, int? departmentId)
    {
        var (lo, hi, holes) = (cover.RolledFirst!.Value, cover.RolledLast!.Value, cover.Holes);
        var rows = db.StatisticsBatchDays.AsNoTracking().Where(r => r.HospitalId == scope.HospitalId && r.Day >= lo && r.Day <= hi);
        if (holes.Length > 0)
            rows = rows.Where(r => !holes.Contains(r.Day));
        if (!scope.AllDepartments)
        {
            var departments = scope.DepartmentIds.ToArray();
            rows = rows.Where(r => departments.Contains(r.DepartmentId));
        }
        if (departmentId is { } d)
            rows = rows.Where(r => r.DepartmentId == d);
        return rows;
    }

    /// Every day grouped live in one statement by the Year/Month/Day of each call: what the list did before the daily
    /// rollup, kept as the reference the rollup is tested against (and the bench's "before").
    internal static async Task<PagedResult<OutboundBatch>> ListLiveAsync(SuifangDbContext db, StaffScope scope, StatisticsPeriod period,
        int? departmentId, int page, int pageSize, CancellationToken ct)
    {
        var (from, until) = (period.From, period.Until);
        var calls = Scoped(db, scope).Where(c => c.StartedAt >= from && c.StartedAt < until);
        if (departmentId is { } d)
            calls = calls.Where(c => c.DepartmentId == d);
        var groups = calls.GroupBy(c => new { c.StartedAt.Year, c.StartedAt.Month, c.StartedAt.Day, c.DepartmentId, c.Period, c.ScriptKey, c.ScriptVersion });
        var total = await groups.CountAsync(ct);
        var rows = await groups
            .Select(g => new
            {
                g.Key.Year, g.Key.Month, g.Key.Day, g.Key.DepartmentId, g.Key.Period, g.Key.ScriptKey, g.Key.ScriptVersion,
                First = g.Min(c => c.StartedAt), Last = g.Max(c => c.StartedAt), Calls = g.Count(),
                Patients = g.Select(c => c.PatientId).Distinct().Count(),
                Answered = g.Count(c => c.AnsweredAt != null), Completed = g.Count(c => c.End == CallEnd.Completed),
            })
            .OrderByDescending(g => g.Year).ThenByDescending(g => g.Month).ThenByDescending(g => g.Day).ThenByDescending(g => g.First)
            .ThenBy(g => g.DepartmentId).ThenBy(g => g.ScriptKey).ThenBy(g => g.ScriptVersion).ThenBy(g => g.Period ?? "")
            .Skip((Math.Max(1, page) - 1) * pageSize).Take(pageSize)
            .ToListAsync(ct);
        var batches = rows.Select(r => new OutboundBatch(new DateOnly(r.Year, r.Month, r.Day), r.DepartmentId, "", r.Period, r.ScriptKey,
            r.ScriptVersion, r.First, r.Last, r.Calls, r.Patients, r.Answered, r.Completed)).ToList();
        return new PagedResult<OutboundBatch>(await NamedAsync(db, batches, ct), Math.Max(1, page), pageSize, total);
    }

    private static async Task<List<OutboundBatch>> NamedAsync(SuifangDbContext db, List<OutboundBatch> batches, CancellationToken ct)
    {
        var ids = batches.Select(r => r.DepartmentId).Distinct().ToArray();
        var names = await db.Departments.AsNoTracking().Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        return batches.Select(b => b with { DepartmentName = names.GetValueOrDefault(b.DepartmentId, $"科室 {b.DepartmentId}") }).ToList();
    }

    /// The calls of one batch, in the order they were made; empty when the batch's department is not the user's.
    public static async Task<List<BatchCall>> CallsAsync(SuifangDbContext db, StaffScope scope, BatchKey key, CancellationToken ct)
    {
        if (!scope.CanSeeDepartment(key.DepartmentId))
            return [];
        var from = key.Day.ToDateTime(TimeOnly.MinValue);
        var until = from.AddDays(1);
        var calls = Scoped(db, scope).Where(c => c.StartedAt >= from && c.StartedAt < until && c.DepartmentId == key.DepartmentId
            && c.ScriptKey == key.ScriptKey && c.ScriptVersion == key.ScriptVersion);
        calls = key.Period is null ? calls.Where(c => c.Period == null) : calls.Where(c => c.Period == key.Period);
        return await calls.OrderBy(c => c.StartedAt).ThenBy(c => c.Id)
            .Select(c => new BatchCall(c.Id, c.PatientId, db.Patients.Where(p => p.Id == c.PatientId).Select(p => p.Name).FirstOrDefault() ?? "",
                c.NumberMasked, c.StartedAt, c.AnsweredAt, c.End, c.Detail, c.Summary, c.RecordingPath != null, c.AttemptNumber))
            .Take(2000)
            .ToListAsync(ct);
    }

    private static IQueryable<Call> Scoped(SuifangDbContext db, StaffScope scope)
    {
        var calls = db.Calls.AsNoTracking().Where(c => c.HospitalId == scope.HospitalId && !c.Inbound);
        if (!scope.AllDepartments)
        {
            var departments = scope.DepartmentIds.ToArray();
            calls = calls.Where(c => departments.Contains(c.DepartmentId));
        }
        return calls;
    }
}
