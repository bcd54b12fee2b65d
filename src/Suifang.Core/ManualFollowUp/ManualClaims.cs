using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Patients;

namespace Suifang.Core.ManualFollowUp;

/// What a queue command did: done, or why not (in words a nurse can act on).
public sealed record ManualCommandResult(Access Access, string? Error = null)
{
    public bool Ok => Access == Access.Granted && Error is null;
    public static readonly ManualCommandResult Done = new(Access.Granted);
    public static readonly ManualCommandResult NotFound = new(Access.NotFound, "找不到这条人工随访任务，它可能已被处理，请刷新队列。");
    public static readonly ManualCommandResult Forbidden = new(Access.Forbidden, "这条任务不属于您负责的科室，不能操作。");
    public static ManualCommandResult Refused(string error) => new(Access.Granted, error);
}

/// 认领/释放: one nurse at a time calls a patient. A claim is one guarded UPDATE (the row changes only if nobody else
/// holds it and no other entry of the same patient is held by someone else), so of two nurses who click at the same moment
/// exactly one gets it; a claim lapses after ClaimMinutes, so a forgotten one does not lock the patient.
public static class ManualClaims
{
    public const int ClaimMinutes = 30;

    public static async Task<ManualCommandResult> ClaimAsync(SuifangDbContext db, StaffScope scope, long entryId, DateTime now, CancellationToken ct)
    {
        var check = await CheckAsync(db, scope, entryId, ct);
        if (check is not null)
            return check;
        if (!await ManualQueueList.Waiting(db, scope).AnyAsync(e => e.Id == entryId, ct))
            return ManualCommandResult.Refused("这条任务已不在队列中（可能已由其他渠道完成、已处理或已超时），请刷新队列。");
        var me = scope.UserId;
        var until = now.AddMinutes(ClaimMinutes);
        var claimed = await db.ManualQueue
            .Where(e => e.Id == entryId && e.ClosedAt == null
                && (e.ClaimedBy == null || e.ClaimedBy == me || e.ClaimExpiresAt <= now)
                && !db.ManualQueue.Any(o => o.PatientId == e.PatientId && o.Id != e.Id && o.ClosedAt == null
                    && o.ClaimedBy != null && o.ClaimedBy != me && o.ClaimExpiresAt > now))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ClaimedBy, me).SetProperty(e => e.ClaimedByName, scope.UserName)
                .SetProperty(e => e.ClaimExpiresAt, until), ct);
        if (claimed == 1)
            return ManualCommandResult.Done;
        var holder = await db.ManualQueue.AsNoTracking()
            .Where(e => e.PatientId == db.ManualQueue.Where(x => x.Id == entryId).Select(x => x.PatientId).First()
                && e.ClosedAt == null && e.ClaimedBy != null && e.ClaimedBy != me && e.ClaimExpiresAt > now)
            .Select(e => new { e.ClaimedByName, e.ClaimExpiresAt }).FirstOrDefaultAsync(ct);
        return ManualCommandResult.Refused(holder is null
            ? "这条任务刚刚被处理，请刷新队列。"
            : $"{holder.ClaimedByName} 正在拨打这位患者（认领到 {holder.ClaimExpiresAt:HH:mm}），请选择其他患者。");
    }

    public static async Task<ManualCommandResult> ReleaseAsync(SuifangDbContext db, StaffScope scope, long entryId, CancellationToken ct)
    {
        var check = await CheckAsync(db, scope, entryId, ct);
        if (check is not null)
            return check;
        var me = scope.UserId;
        var released = await db.ManualQueue.Where(e => e.Id == entryId && (e.ClaimedBy == me || scope.IsAdmin))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ClaimedBy, (string?)null).SetProperty(e => e.ClaimedByName, (string?)null)
                .SetProperty(e => e.ClaimExpiresAt, (DateTime?)null), ct);
        return released == 1 ? ManualCommandResult.Done : ManualCommandResult.Refused("这条任务不是您认领的，不能释放。");
    }

    /// Null when the entry exists in the caller's hospital and departments.
    internal static async Task<ManualCommandResult?> CheckAsync(SuifangDbContext db, StaffScope scope, long entryId, CancellationToken ct)
    {
        var department = await db.ManualQueue.AsNoTracking().Where(e => e.Id == entryId && e.HospitalId == scope.HospitalId)
            .Select(e => (int?)e.DepartmentId).FirstOrDefaultAsync(ct);
        if (department is null)
            return ManualCommandResult.NotFound;
        return scope.CanSeeDepartment(department.Value) ? null : ManualCommandResult.Forbidden;
    }
}
