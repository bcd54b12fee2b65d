using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Patients.Writing;
using Suifang.Core.Security;

namespace Suifang.Core.Patients.CreatePatient;

/// Hand entry of a new patient with their first encounter: validated like every other source,
/// limited to the user's departments, and refused (with a link to the existing record) when the
/// person is already there, instead of being merged silently as an import would.
public sealed class CreatePatientHandler(SuifangDbContext db, SensitiveDataProtector protector, Func<DateTime> now)
{
    public async Task<PatientCommandResult> HandleAsync(PatientRecord record, StaffScope scope, CancellationToken ct = default)
    {
        db.Actor = scope.Actor;
        var directory = await HospitalDirectory.LoadAsync(db, scope.HospitalId, ct);
        var validator = new PatientRecordValidator(directory, now);
        var (patient, errors) = validator.Validate(record);
        if (record.Encounter is null)
            errors = [.. errors, new FieldError("就诊类型", "请填写本次就诊信息（就诊类型、科室、时间和诊断）：患者随就诊登记。")];
        if (patient is null || errors.Count > 0)
            return PatientCommandResult.Invalid(errors);
        if (!scope.CanSeeDepartment(patient.Encounter!.Department.Id))
            return PatientCommandResult.Forbidden(PatientAccess.DepartmentOutOfScope(patient.Encounter.Department.Name));

        if (await FindSamePersonAsync(patient, scope.HospitalId, ct) is { } existing)
            return PatientCommandResult.Duplicate(existing.Id, existing.Name);

        var outcome = await new PatientWriter(db, protector).WriteAsync([patient], scope.HospitalId, PatientSource.Manual, now(), ct);
        return PatientCommandResult.Ok(outcome[0].Patient.Id);
    }

    private async Task<Patient?> FindSamePersonAsync(ValidatedPatient p, int hospitalId, CancellationToken ct)
    {
        var phone = protector.IndexOf(SensitiveKind.Phone, p.Phone);
        var id = p.IdNumber is null ? null : protector.IndexOf(SensitiveKind.IdNumber, p.IdNumber);
        return await db.Patients.AsNoTracking()
            .Where(x => x.HospitalId == hospitalId
                && ((p.HisPatientId != null && x.HisPatientId == p.HisPatientId)
                    || (id != null && x.IdNumberIndex == id)
                    || (x.Name == p.Name && x.PhoneIndex == phone)))
            .OrderBy(x => x.Id)
            .FirstOrDefaultAsync(ct);
    }
}
