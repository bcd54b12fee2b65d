using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Audit;
using Suifang.Core.Data;
using Suifang.Core.Patients;

namespace Suifang.Core.Contact;

public sealed record ConsentInput(ConsentDecision Decision, ConsentMethod Method, DateTime? DecidedAt, string? Note);

public sealed record ConsentRecordView(long Id, ConsentDecision Decision, ConsentMethod Method, DateTime DecidedAt, DateTime RecordedAt, string RecordedBy, string? Note);

public sealed record ConsentView(ConsentState State, bool Required, IReadOnlyList<ConsentRecordView> History);

/// 随访知情同意 (7.2.2 "consent … recorded and honoured"): record consent or its withdrawal. A withdrawal cancels the
/// patient's open tasks and stops the active and scheduled plans at once, in the same transaction, audited.
public static class FollowUpConsents
{
    public static async Task<ScopedResult<ConsentView>> ViewAsync(SuifangDbContext db, StaffScope scope, long patientId, CancellationToken ct = default)
    {
        var patient = await PatientAccess.LoadAsync(db, patientId, ct);
        if (patient is null || patient.HospitalId != scope.HospitalId)
            return ScopedResult<ConsentView>.NotFound;
        if (!scope.AllDepartments && !patient.Encounters.Any(e => scope.CanSeeDepartment(e.DepartmentId)))
            return ScopedResult<ConsentView>.Forbidden;
        var history = await db.Consents.AsNoTracking().Where(c => c.PatientId == patientId)
            .OrderByDescending(c => c.RecordedAt).ThenByDescending(c => c.Id)
            .Select(c => new ConsentRecordView(c.Id, c.Decision, c.Method, c.DecidedAt, c.RecordedAt, c.RecordedBy, c.Note))
            .ToListAsync(ct);
        var required = await db.ContactSettings.AsNoTracking().Where(s => s.HospitalId == scope.HospitalId)
            .Select(s => s.ConsentRequired).FirstOrDefaultAsync(ct);
        var state = history.Count == 0 ? ConsentState.NotRecorded
            : history[0].Decision == ConsentDecision.Given ? ConsentState.Given : ConsentState.Withdrawn;
        return ScopedResult<ConsentView>.Granted(new ConsentView(state, required, history));
    }

    public static async Task<ContactOutcome> RecordAsync(SuifangDbContext db, StaffScope scope, long patientId, ConsentInput input, DateTime now, CancellationToken ct = default)
    {
        if (!ContactRoles.MayManage(scope))
            return ContactOutcome.Denied(ContactRoles.ReadOnly);
        var patient = await PatientAccess.LoadAsync(db, patientId, ct);
        if (patient is null || patient.HospitalId != scope.HospitalId || patient.IsDeleted)
            return ContactOutcome.Missing("找不到这位患者，请刷新后再试。");
        if (!PatientAccess.MayChange(scope, patient))
            return ContactOutcome.Denied(PatientAccess.OutOfScope);
        if (!Enum.IsDefined(input.Decision) || !Enum.IsDefined(input.Method))
            return ContactOutcome.Invalid("请选择“同意”或“撤回”，以及登记方式（电话、纸质或线上）。");
        var decidedAt = input.DecidedAt ?? now;
        if (decidedAt > now.AddMinutes(5))
            return ContactOutcome.Invalid("同意或撤回的时间不能晚于现在，请填写患者实际表态的时间。");
        if (input.Note?.Length > 200)
            return ContactOutcome.Invalid("备注最多 200 个字。");
        var current = await db.Consents.Where(c => c.PatientId == patientId)
            .OrderByDescending(c => c.RecordedAt).ThenByDescending(c => c.Id).Select(c => (ConsentDecision?)c.Decision).FirstOrDefaultAsync(ct);
        if (current == input.Decision)
            return ContactOutcome.Invalid(input.Decision == ConsentDecision.Given
                ? $"{patient.Name} 已登记同意随访，无需重复登记。" : $"{patient.Name} 已撤回同意，无需重复登记。");

        db.Actor = scope.Actor;
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var record = new FollowUpConsent
        {
            HospitalId = scope.HospitalId, PatientId = patientId, Decision = input.Decision, Method = input.Method,
            DecidedAt = decidedAt, RecordedAt = now, RecordedBy = scope.UserName, RecordedById = scope.UserId, Note = input.Note?.Trim(),
        };
        db.Consents.Add(record);
        await db.SaveChangesAsync(ct);
        var (tasks, plans) = (0, 0);
        var how = MethodName(input.Method);
        if (input.Decision == ConsentDecision.Withdrawn)
        {
            var reason = $"患者撤回随访知情同意（{how}，{decidedAt:yyyy-MM-dd}）";
            tasks = await OpenTasks.CancelForPatientsAsync(db, [patientId], reason, now, ct);
            plans = await OpenTasks.StopPlansAsync(db, patientId, reason, now, ct);
        }
        var summary = input.Decision == ConsentDecision.Given
            ? $"登记随访知情同意：患者 {patient.Name}（ID {patientId}），方式：{how}，时间：{decidedAt:yyyy-MM-dd HH:mm}"
            : $"登记撤回随访知情同意：患者 {patient.Name}（ID {patientId}），方式：{how}，时间：{decidedAt:yyyy-MM-dd HH:mm}；取消任务 {tasks} 个，停止计划 {plans} 个";
        db.AuditEvent(input.Decision == ConsentDecision.Given ? AuditActions.Create : AuditActions.Update, "FollowUpConsent", patientId.ToString(), summary, input.Note);
        await db.SaveChangesAsync(ct);
        if (tx is not null)
            await tx.CommitAsync(ct);
        return new ContactOutcome(Id: record.Id, CancelledTasks: tasks, StoppedPlans: plans);
    }

    public static string MethodName(ConsentMethod method) => method switch
    {
        ConsentMethod.Phone => "电话",
        ConsentMethod.Paper => "纸质签字",
        _ => "线上",
    };
}
