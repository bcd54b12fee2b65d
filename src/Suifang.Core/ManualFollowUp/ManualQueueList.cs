using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Tasks;

namespace Suifang.Core.ManualFollowUp;

public sealed record ManualQueueFilter(int? DepartmentId = null, int? PathwayId = null, bool OverdueOnly = false, bool MineOnly = false);

/// One patient to call in the work queue, with the task's status in plain words.
public sealed record ManualQueueRow(
    long EntryId, long TaskId, long PatientId, string PatientName, string PhoneMasked, int DepartmentId, string Department,
    string? Pathway, string? StepLabel, int Priority, DateTime DueTo, DateTime FallbackAt, int Attempt, int MaxAttempts,
    string? LastFailure, string? ClaimedBy, string? ClaimedByName, DateTime? ClaimExpiresAt, bool Overdue, string Status);

/// 人工随访工作队列: the open entries of the manual tasks that wait for a nurse, in the caller's departments, most urgent
/// first (priority, then the end of the window). An entry is open while its task still waits for this attempt: a task
/// completed elsewhere, cancelled, or past FallbackAt leaves the queue by itself.
public static class ManualQueueList
{
    public static IQueryable<ManualQueueEntry> Waiting(SuifangDbContext db, StaffScope scope)
    {
        var departments = scope.DepartmentIds.ToArray();
        return db.ManualQueue.Where(e => e.HospitalId == scope.HospitalId && e.ClosedAt == null
            && (scope.AllDepartments || departments.Contains(e.DepartmentId))
            && db.Tasks.Any(t => t.Id == e.TaskId && t.State == TaskState.Running && t.LeaseOwner == null && t.LastAttemptNumber == e.AttemptNumber));
    }

    public static async Task<List<ManualQueueRow>> ReadAsync(SuifangDbContext db, StaffScope scope, ManualQueueFilter filter, DateTime now,
        CancellationToken ct, int take = 500)
    {
        var q = Waiting(db, scope).AsNoTracking();
        if (filter.DepartmentId is { } d)
            q = q.Where(e => e.DepartmentId == d);
        if (filter.OverdueOnly)
            q = q.Where(e => e.DueTo < now);
        if (filter.MineOnly)
            q = q.Where(e => e.ClaimedBy == scope.UserId && e.ClaimExpiresAt > now);
        if (filter.PathwayId is { } p)
            q = q.Where(e => e.PlanId != null && db.Plans.Any(pl => pl.Id == e.PlanId && pl.Pathways.Any(pp => pp.PathwayId == p)));
        var rows = await (
            from e in q
            join t in db.Tasks on e.TaskId equals t.Id
            join pt in db.Patients on e.PatientId equals pt.Id
            join dept in db.Departments on e.DepartmentId equals dept.Id
            orderby e.Priority descending, e.DueTo, e.Id
            select new
            {
                e, pt.Name, pt.PhoneMasked, Department = dept.Name, t.MaxAttempts, t.LastFailureReason,
                Label = t.Step == null ? null : t.Step.Label,
                Pathway = db.Plans.Where(pl => pl.Id == e.PlanId).SelectMany(pl => pl.Pathways).Select(pp => pp.Pathway!.Name).FirstOrDefault(),
            }).Take(take).ToListAsync(ct);
        return rows.Select(r => new ManualQueueRow(r.e.Id, r.e.TaskId, r.e.PatientId, r.Name, r.PhoneMasked, r.e.DepartmentId, r.Department,
            r.Pathway, r.Label, r.e.Priority, r.e.DueTo, r.e.FallbackAt, r.e.AttemptNumber, r.MaxAttempts,
            r.e.AttemptNumber > 1 ? r.LastFailureReason : null, r.e.ClaimedBy, r.e.ClaimedByName, r.e.ClaimExpiresAt,
            r.e.DueTo < now, StatusOf(r.e, scope.UserId, now))).ToList();
    }

    public static string StatusOf(ManualQueueEntry e, string userId, DateTime now) =>
        e.ClosedAt is not null ? "已处理"
        : e.IsClaimedBy(userId, now) ? "我正在拨打"
        : e.IsClaimedByOther(userId, now) ? $"{e.ClaimedByName} 正在拨打"
        : e.DueTo < now ? "超期待拨打"
        : e.AttemptNumber > 1 ? $"待再次拨打（第 {e.AttemptNumber} 次）"
        : "待拨打";
}
