using Suifang.Core.Accounts;
using Suifang.Core.Audit;
using Suifang.Core.Data;
using Suifang.Core.Patients.Writing;

namespace Suifang.Core.Patients.DeletePatient;

/// Soft delete with a reason. The identity key is set aside ("deleted:{id}:{key}") so that the same
/// person can be registered again later; the row, its encounters and the audit trail stay.
public sealed class DeletePatientHandler(SuifangDbContext db, Func<DateTime> now)
{
    public const string ReasonField = "删除原因";
    private const int MaxIdentityKey = 128;

    public async Task<PatientCommandResult> HandleAsync(long patientId, string? reason, StaffScope scope, CancellationToken ct = default)
    {
        db.Actor = scope.Actor;
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason))
            return PatientCommandResult.Invalid([new FieldError(ReasonField, "请填写删除原因，例如“重复建档”或“信息登记错误”：删除会记入审计日志。")]);
        if (reason.Length > 200)
            return PatientCommandResult.Invalid([new FieldError(ReasonField, "删除原因请控制在 200 字以内。")]);

        var (patient, refusal) = await PatientAccess.LoadForChangeAsync(db, patientId, scope, ct);
        if (patient is null)
            return refusal!;

        var at = now();
        patient.DeletedAt = at;
        patient.UpdatedAt = at;
        var setAside = $"deleted:{patient.Id}:{patient.IdentityKey}";
        patient.IdentityKey = setAside[..Math.Min(setAside.Length, MaxIdentityKey)];
        foreach (var e in patient.Encounters)
            e.DeletedAt = at;
        db.AuditEvent(AuditActions.Delete, nameof(Patient), patient.Id.ToString(),
            $"删除患者 {patient.Name}（ID {patient.Id}），原因：{reason}");
        await db.SaveChangesAsync(ct);
        return PatientCommandResult.Ok(patient.Id);
    }
}
