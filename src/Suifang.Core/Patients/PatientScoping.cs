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

    /// The same rows as VisibleTo. For several departments the test is written so that no department index serves it
    /// (SQLite would read every row of those departments and sort them); the hospital-wide date index, already in
    /// page order and carrying the department, then finds a page after a few rows.
    internal static IQueryable<Encounter> VisibleInDateOrder(this IQueryable<Encounter> encounters, StaffScope scope)
    {
        if (scope.AllDepartments || scope.DepartmentIds.Count <= 1)
            return encounters.VisibleTo(scope);
        var departments = scope.DepartmentIds.ToArray();
        return encounters.Where(e => e.HospitalId == scope.HospitalId && departments.Contains(e.DepartmentId + 0));
    }
}
