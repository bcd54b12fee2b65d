using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;

namespace Suifang.Core.Patients.Overview;

/// The home page figures, within the user's scope.
public sealed record PatientOverview(int Inpatients, int DischargedLast30Days, int OutpatientsLast30Days, int Patients);

public static class GetPatientOverview
{
    public static async Task<PatientOverview> RunAsync(SuifangDbContext db, StaffScope scope, DateOnly today, CancellationToken ct = default)
    {
        var since = today.AddDays(-29).ToDateTime(TimeOnly.MinValue);
        var encounters = db.Encounters.AsNoTracking().VisibleTo(scope).Where(e => e.Patient!.DeletedAt == null);
        var inpatients = await encounters.CountAsync(e => e.VisitType == VisitType.Inpatient, ct);
        var discharged = await encounters.CountAsync(e => e.VisitType == VisitType.Discharged && e.DischargeAt >= since, ct);
        var outpatients = await encounters.CountAsync(e => e.VisitType == VisitType.Outpatient && e.VisitAt >= since, ct);
        // A department's patients are counted from its encounters: cheaper than testing every patient of the hospital.
        var patients = scope.AllDepartments
            ? await db.Patients.AsNoTracking().CountAsync(p => p.HospitalId == scope.HospitalId, ct)
            : await encounters.Select(e => e.PatientId).Distinct().CountAsync(ct);
        return new PatientOverview(inpatients, discharged, outpatients, patients);
    }
}
