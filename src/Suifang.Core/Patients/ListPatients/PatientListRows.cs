using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;

namespace Suifang.Core.Patients.ListPatients;

/// Reads one page of list rows: first the ids of the page (from an index alone where one covers the filters),
/// then those encounters with their patient, department and campus names.
internal static class PatientListRows
{
    public static async Task<IReadOnlyList<PatientListRow>> ReadAsync(
        SuifangDbContext db, IOrderedQueryable<Encounter> ordered, int skip, int take, DateOnly today, CancellationToken ct)
    {
        var ids = await ordered.Skip(skip).Take(take).Select(e => e.Id).ToListAsync(ct);
        if (ids.Count == 0)
            return [];
        var raw = await (
            from e in db.Encounters.AsNoTracking().Where(e => ids.Contains(e.Id))
            join d in db.Departments on e.DepartmentId equals d.Id
            join c in db.Campuses on e.CampusId equals c.Id
            select new
            {
                e.Id, e.PatientId, e.Patient!.Name, e.Patient.Gender, e.Patient.BirthDate, e.Patient.PhoneMasked,
                e.VisitType, e.VisitNumber, e.DepartmentId, Department = d.Name, e.AttendingDoctor,
                e.PrimaryDiagnosisCode, e.PrimaryDiagnosisName, e.VisitAt, e.DischargeAt, Campus = c.Name,
            }).ToListAsync(ct);
        var marks = await Alerts.TrendMarks.DescribeAsync(db, raw.Select(r => r.PatientId).Distinct().ToList(), ct);
        return raw
            .OrderByDescending(r => r.VisitType == VisitType.Discharged ? r.DischargeAt : r.VisitAt).ThenByDescending(r => r.Id)
            .Select(r => new PatientListRow(r.Id, r.PatientId, r.Name, r.Gender, PatientAge.On(r.BirthDate, today), r.PhoneMasked,
                r.VisitType, r.VisitNumber, r.DepartmentId, r.Department, r.AttendingDoctor, r.PrimaryDiagnosisCode,
                r.PrimaryDiagnosisName, r.VisitAt, r.DischargeAt, r.Campus, marks.GetValueOrDefault(r.PatientId)))
            .ToList();
    }
}
