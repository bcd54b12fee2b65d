using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Patients.Writing;

namespace Suifang.Core.Patients.UpdatePatient;

/// Adds an encounter to a stored patient, or edits one (for instance to discharge an inpatient).
public sealed class SaveEncounterHandler(SuifangDbContext db, Func<DateTime> now)
{
    public async Task<PatientCommandResult> HandleAsync(long patientId, long? encounterId, EncounterRecord record, StaffScope scope, CancellationToken ct = default)
    {
        db.Actor = scope.Actor;
        var (patient, refusal) = await PatientAccess.LoadForChangeAsync(db, patientId, scope, ct);
        if (patient is null)
            return refusal!;
        var existing = encounterId is { } eid ? patient.Encounters.FirstOrDefault(e => e.Id == eid) : null;
        if (encounterId is not null && existing is null)
            return PatientCommandResult.NotFound(patientId) with { Message = $"这位患者没有 ID 为 {encounterId} 的就诊记录。" };

        var directory = await HospitalDirectory.LoadAsync(db, scope.HospitalId, ct);
        var (valid, errors) = new PatientRecordValidator(directory, now).Validate(record);
        if (valid is null)
            return PatientCommandResult.Invalid(errors);
        if (!scope.CanSeeDepartment(valid.Department.Id))
            return PatientCommandResult.Forbidden(PatientAccess.DepartmentOutOfScope(valid.Department.Name));
        if (valid.VisitNumber is { } number && patient.Encounters.Any(e => e.VisitNumber == number && e != existing))
            return PatientCommandResult.Invalid([new FieldError("就诊号/住院号", $"这位患者已有就诊号/住院号为“{number}”的就诊记录，请直接编辑那一条。")]);

        var encounter = existing ?? new Encounter
        {
            HospitalId = patient.HospitalId,
            CampusId = patient.CampusId,
            PrimaryDiagnosisCode = "",
            PrimaryDiagnosisName = "",
            Source = PatientSource.Manual,
            CreatedAt = now(),
        };
        encounter.VisitNumber = valid.VisitNumber;
        encounter.VisitType = valid.VisitType;
        encounter.DepartmentId = valid.Department.Id;
        encounter.AttendingDoctor = valid.AttendingDoctor;
        encounter.VisitAt = valid.VisitAt;
        encounter.DischargeAt = valid.DischargeAt;
        (encounter.PrimaryDiagnosisCode, encounter.PrimaryDiagnosisName) = (valid.PrimaryDiagnosisCode, valid.PrimaryDiagnosisName);
        if (existing is null || !valid.SecondaryDiagnoses.Select(d => (d.Code, d.Name)).SequenceEqual(existing.SecondaryDiagnoses.Select(d => (d.Code, d.Name))))
            encounter.SecondaryDiagnoses = valid.SecondaryDiagnoses.Select(d => new Diagnosis { Code = d.Code, Name = d.Name }).ToList();
        if (existing is null)
            patient.Encounters.Add(encounter);
        else
            encounter.UpdatedAt = now();
        patient.UpdatedAt = now();
        await db.SaveChangesAsync(ct);
        return PatientCommandResult.Ok(patient.Id);
    }
}
