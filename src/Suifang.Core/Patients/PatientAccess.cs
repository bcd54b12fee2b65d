using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;

namespace Suifang.Core.Patients;

/// Which patients a staff member may change: admins and supervisors all of the hospital's;
/// doctors and nurses those with an encounter in one of their departments.
public static class PatientAccess
{
    public const string OutOfScope = "这位患者不在您负责的科室范围内，您不能修改或删除其档案。如需处理，请联系该科室的医护人员或管理员。";

    public static bool MayChange(StaffScope scope, Patient patient) =>
        patient.HospitalId == scope.HospitalId
        && (scope.AllDepartments || patient.Encounters.Any(e => scope.DepartmentIds.Contains(e.DepartmentId)));

    public static string DepartmentOutOfScope(string departmentName) =>
        $"您只能为自己负责的科室登记患者，“{departmentName}”不在您的科室范围内。请选择您所在的科室，或请该科室的同事登记。";

    /// The patient to change, or why not: absent (or in another hospital), or outside the staff member's departments.
    public static async Task<(Patient? Patient, PatientCommandResult? Refusal)> LoadForChangeAsync(
        SuifangDbContext db, long id, StaffScope scope, CancellationToken ct)
    {
        var patient = await LoadAsync(db, id, ct);
        if (patient is null || patient.HospitalId != scope.HospitalId)
            return (null, PatientCommandResult.NotFound(id));
        return MayChange(scope, patient) ? (patient, null) : (null, PatientCommandResult.Forbidden(OutOfScope));
    }

    /// The patient with their encounters, tracked for changing; null when there is none (or it was deleted).
    public static Task<Patient?> LoadAsync(SuifangDbContext db, long id, CancellationToken ct) =>
        db.Patients.Include(p => p.Encounters).SingleOrDefaultAsync(p => p.Id == id, ct);
}
