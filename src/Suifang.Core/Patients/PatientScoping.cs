using Suifang.Core.Accounts;

namespace Suifang.Core.Patients;

/// Who sees which patients: always one hospital; a doctor or nurse only the patients with an encounter
/// in one of their departments; admins and supervisors every department.
public static class PatientScoping
{
    public static IQueryable<Encounter> VisibleTo(this IQueryable<Encounter> encounters, StaffScope scope)
    {
        var inHospital = encounters.Where(e => e.HospitalId == scope.HospitalId);
        if (scope.AllDepartments)
            return inHospital;
        var departments = scope.DepartmentIds.ToArray();
        return inHospital.Where(e => departments.Contains(e.DepartmentId));
    }

    public static IQueryable<Patient> VisibleTo(this IQueryable<Patient> patients, StaffScope scope)
    {
        var inHospital = patients.Where(p => p.HospitalId == scope.HospitalId);
        if (scope.AllDepartments)
            return inHospital;
        var departments = scope.DepartmentIds.ToArray();
        return inHospital.Where(p => p.Encounters.Any(e => departments.Contains(e.DepartmentId)));
    }
}
