using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Audit;
using Suifang.Core.Data;

namespace Suifang.Core.Patients.Archive;

/// Opens a patient's archive (5.2.1) for one staff member. Every opening, and every refused attempt, is audited.
public static class OpenArchive
{
    public static async Task<ScopedResult<PatientArchive>> RunAsync(
        SuifangDbContext db, StaffScope scope, long patientId, DateOnly today, CancellationToken ct = default)
    {
        var patient = await db.Patients.AsNoTracking()
            .Include(p => p.Encounters).ThenInclude(e => e.SecondaryDiagnoses)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == patientId && p.HospitalId == scope.HospitalId, ct);
        if (patient is null)
            return ScopedResult<PatientArchive>.NotFound;

        db.Actor = scope.Actor;
        if (!scope.AllDepartments && !patient.Encounters.Any(e => scope.CanSeeDepartment(e.DepartmentId)))
        {
            db.AuditEvent(AuditActions.View, "Patient", patientId.ToString(), $"查看患者档案被拒绝：患者 ID {patientId} 不属于本人科室");
            await db.SaveChangesAsync(ct);
            return ScopedResult<PatientArchive>.Forbidden;
        }

        var departments = await db.Departments.AsNoTracking().Where(d => d.HospitalId == scope.HospitalId)
            .ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var campuses = await db.Campuses.AsNoTracking().Where(c => c.HospitalId == scope.HospitalId)
            .ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        db.AuditEvent(AuditActions.View, "Patient", patientId.ToString(), $"查看患者档案 {patient.Name}（ID {patientId}）");
        await db.SaveChangesAsync(ct);
        return ScopedResult<PatientArchive>.Granted(ToArchive(patient, departments, campuses, today));
    }

    private static PatientArchive ToArchive(Patient p, Dictionary<int, string> departments, Dictionary<int, string> campuses, DateOnly today) =>
        new(p.Id, p.Name, p.Gender, p.BirthDate, p.BirthDateEstimated, PatientAge.On(p.BirthDate, today),
            p.PhoneMasked, p.FamilyContactName, p.FamilyRelation, p.FamilyPhoneMasked, p.IdNumberMasked, p.HisPatientId,
            campuses.GetValueOrDefault(p.CampusId, ""), p.Source, p.CreatedAt,
            p.Encounters.OrderByDescending(e => e.AnchorTime).ThenByDescending(e => e.Id)
                .Select(e => new ArchiveEncounter(e.Id, e.VisitType, e.VisitNumber, departments.GetValueOrDefault(e.DepartmentId, ""),
                    campuses.GetValueOrDefault(e.CampusId, ""), e.AttendingDoctor, e.VisitAt, e.DischargeAt,
                    new ArchiveDiagnosis(e.PrimaryDiagnosisCode, e.PrimaryDiagnosisName),
                    e.SecondaryDiagnoses.Select(d => new ArchiveDiagnosis(d.Code, d.Name)).ToList()))
                .ToList());
}
