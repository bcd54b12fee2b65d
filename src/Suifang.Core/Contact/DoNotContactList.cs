using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Audit;
using Suifang.Core.Data;
using Suifang.Core.Patients;
using Suifang.Core.Security;

namespace Suifang.Core.Contact;

/// 免打扰名单 commands: add a patient or a number (cancelling their open tasks at once), remove with a reason.
/// Every change is audited. A number entry matches every patient whose phone has the same keyed index.
public static class DoNotContactList
{
    /// Why the patient may not be contacted, or null: an active entry for the patient or for the patient's number.
    public static Task<string?> ReasonForAsync(SuifangDbContext db, int hospitalId, long patientId, CancellationToken ct) =>
        ReasonForAsync(db, hospitalId, patientId, sms: false, ct);

    /// As above; with sms, SMS-only entries (短信退订) count too.
    public static Task<string?> ReasonForAsync(SuifangDbContext db, int hospitalId, long patientId, bool sms, CancellationToken ct)
    {
        // Two index searches joined by UNION ALL: by patient (PatientId, RemovedAt) and by number through the patient's
        // phone index (HospitalId, PhoneIndex, RemovedAt); one query with OR would read every entry of the hospital.
        var byPatient = db.DoNotContacts.Where(d => d.PatientId == patientId && d.RemovedAt == null && d.HospitalId == hospitalId
            && (sms || d.Scope == DoNotContactScope.All)).Select(d => d.Reason);
        var byNumber = from p in db.Patients.IgnoreQueryFilters()
                       join d in db.DoNotContacts on new { p.HospitalId, PhoneIndex = (string?)p.PhoneIndex } equals new { d.HospitalId, d.PhoneIndex }
                       where p.Id == patientId && p.HospitalId == hospitalId && d.RemovedAt == null && (sms || d.Scope == DoNotContactScope.All)
                       select d.Reason;
        return byPatient.Concat(byNumber).AsNoTracking().FirstOrDefaultAsync(ct);
    }

    /// ReasonForAsync for many patients at once (two queries for all): the patients with an active entry, each with the
    /// reason of one of them, an entry for the patient before one for the number.
    public static async Task<Dictionary<long, string>> ReasonsForAsync(SuifangDbContext db, int hospitalId, IReadOnlyCollection<long> patientIds,
        bool sms, CancellationToken ct)
    {
        var ids = patientIds as List<long> ?? patientIds.ToList();
        var byPatient = await db.DoNotContacts.AsNoTracking()
            .Where(d => d.PatientId != null && EF.Parameter(ids).Contains(d.PatientId.Value) && d.RemovedAt == null && d.HospitalId == hospitalId
                && (sms || d.Scope == DoNotContactScope.All))
            .Select(d => new { PatientId = d.PatientId!.Value, d.Reason }).ToListAsync(ct);
        var byNumber = await (from p in db.Patients.IgnoreQueryFilters()
                              join d in db.DoNotContacts on new { p.HospitalId, PhoneIndex = (string?)p.PhoneIndex } equals new { d.HospitalId, d.PhoneIndex }
                              where EF.Parameter(ids).Contains(p.Id) && p.HospitalId == hospitalId && d.RemovedAt == null
                                  && (sms || d.Scope == DoNotContactScope.All)
                              select new { PatientId = p.Id, d.Reason }).AsNoTracking().ToListAsync(ct);
        var reasons = new Dictionary<long, string>();
        foreach (var entry in byPatient.Concat(byNumber))
            reasons.TryAdd(entry.PatientId, entry.Reason);
        return reasons;
    }

    public static async Task<ContactOutcome> AddPatientAsync(SuifangDbContext db, StaffScope scope, long patientId, string? reason, DateTime now, CancellationToken ct = default)
    {
        if (Check(scope, reason) is { } refusal)
            return refusal;
        var patient = await PatientAccess.LoadAsync(db, patientId, ct);
        if (patient is null || patient.HospitalId != scope.HospitalId || patient.IsDeleted)
            return ContactOutcome.Missing("找不到这位患者，请刷新后再试。");
        if (!PatientAccess.MayChange(scope, patient))
            return ContactOutcome.Denied(PatientAccess.OutOfScope);
        if (await db.DoNotContacts.AnyAsync(d => d.PatientId == patientId && d.RemovedAt == null && d.Scope == DoNotContactScope.All, ct))
            return ContactOutcome.Invalid($"{patient.Name} 已经在免打扰名单中。");

        var entry = new DoNotContactEntry { HospitalId = scope.HospitalId, PatientId = patientId, Reason = reason!.Trim(), AddedAt = now, AddedBy = scope.UserName };
        return await SaveAsync(db, scope, entry, [patientId], $"患者 {patient.Name}（ID {patientId}）", now, ct);
    }

    public static async Task<ContactOutcome> AddNumberAsync(SuifangDbContext db, SensitiveDataProtector protector, StaffScope scope, string? phone, string? reason, DateTime now, CancellationToken ct = default)
    {
        if (Check(scope, reason) is { } refusal)
            return refusal;
        var normalized = ContactNumbers.NormalizePhone(phone ?? "");
        if (!ContactNumbers.IsValidPhone(normalized))
            return ContactOutcome.Invalid("号码格式不对：请填写 11 位手机号（如 13812345678）或带区号的固话（如 057187654321）。");
        var value = protector.Protect(SensitiveKind.Phone, normalized);
        if (await db.DoNotContacts.AnyAsync(d => d.HospitalId == scope.HospitalId && d.PhoneIndex == value.Index && d.RemovedAt == null && d.Scope == DoNotContactScope.All, ct))
            return ContactOutcome.Invalid($"号码 {value.Masked} 已经在免打扰名单中。");
        var patients = await db.Patients.Where(p => p.HospitalId == scope.HospitalId && p.PhoneIndex == value.Index)
            .Select(p => p.Id).ToListAsync(ct);
        var entry = new DoNotContactEntry
        {
            HospitalId = scope.HospitalId, PhoneIndex = value.Index, PhoneMasked = value.Masked,
            Reason = reason!.Trim(), AddedAt = now, AddedBy = scope.UserName,
        };
        return await SaveAsync(db, scope, entry, patients, $"号码 {value.Masked}（{patients.Count} 位患者使用）", now, ct);
    }

    public static async Task<ContactOutcome> RemoveAsync(SuifangDbContext db, StaffScope scope, long id, string? reason, DateTime now, CancellationToken ct = default)
    {
        if (Check(scope, reason) is { } refusal)
            return refusal;
        var entry = await db.DoNotContacts.FirstOrDefaultAsync(d => d.Id == id && d.HospitalId == scope.HospitalId && d.RemovedAt == null, ct);
        if (entry is null)
            return ContactOutcome.Missing("这条免打扰记录不存在或已经移除，请刷新列表。");
        var label = entry.PhoneMasked is { } m ? $"号码 {m}" : $"患者 ID {entry.PatientId}";
        if (entry.PatientId is { } pid)
        {
            var patient = await PatientAccess.LoadAsync(db, pid, ct);
            if (patient is not null && !PatientAccess.MayChange(scope, patient))
                return ContactOutcome.Denied(PatientAccess.OutOfScope);
            label = $"患者 {patient?.Name}（ID {pid}）";
        }
        (entry.RemovedAt, entry.RemovedBy, entry.RemovedReason) = (now, scope.UserName, reason!.Trim());
        db.Actor = scope.Actor;
        db.AuditEvent(AuditActions.Delete, "DoNotContact", entry.Id.ToString(), $"移出免打扰名单：{label}；原因：{entry.RemovedReason}");
        await db.SaveChangesAsync(ct);
        return new ContactOutcome(Id: entry.Id);
    }

    private static ContactOutcome? Check(StaffScope scope, string? reason)
    {
        if (!ContactRoles.MayManage(scope))
            return ContactOutcome.Denied(ContactRoles.ReadOnly);
        var r = reason?.Trim() ?? "";
        if (r.Length == 0)
            return ContactOutcome.Invalid("请填写原因，例如“患者本人要求不再来电”。原因会写入审计日志。");
        return r.Length > 200 ? ContactOutcome.Invalid("原因最多 200 个字。") : null;
    }

    private static async Task<ContactOutcome> SaveAsync(SuifangDbContext db, StaffScope scope, DoNotContactEntry entry,
        IReadOnlyCollection<long> patients, string label, DateTime now, CancellationToken ct)
    {
        db.Actor = scope.Actor;
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        db.DoNotContacts.Add(entry);
        await db.SaveChangesAsync(ct);
        var cancelled = await OpenTasks.CancelForPatientsAsync(db, patients, $"已加入免打扰名单：{entry.Reason}", now, ct);
        db.AuditEvent(AuditActions.Create, "DoNotContact", entry.Id.ToString(),
            $"加入免打扰名单：{label}；原因：{entry.Reason}；取消未执行的任务 {cancelled} 个");
        await db.SaveChangesAsync(ct);
        if (tx is not null)
            await tx.CommitAsync(ct);
        return new ContactOutcome(Id: entry.Id, CancelledTasks: cancelled);
    }
}
