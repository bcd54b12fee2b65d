using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Scripts.Editing;

namespace Suifang.Core.Scripts;

/// Who sees and changes which scripts: one hospital; doctors and nurses their departments', admins and supervisors every
/// department's. Doctors, nurses (who run the calls) and admins change scripts; supervisors read.
public static class ScriptAccess
{
    public static readonly IReadOnlyList<string> Readers = [Roles.Admin, Roles.Doctor, Roles.Nurse, Roles.Supervisor];
    public static readonly IReadOnlyList<string> Writers = [Roles.Admin, Roles.Doctor, Roles.Nurse];

    public const string ReadRefused = "您的角色不能查看话术：需要医生、护士、监管或管理员角色。";
    public const string WriteRefused = "您可以查看话术，但修改、发布、归档和删除话术需要医生、护士或管理员角色。";

    public static bool MayRead(StaffScope scope) => Readers.Any(scope.Roles.Contains);

    public static bool MayWrite(StaffScope scope) => Writers.Any(scope.Roles.Contains);

    public static IQueryable<ScriptRecord> VisibleTo(this IQueryable<ScriptRecord> scripts, StaffScope scope)
    {
        var inHospital = scripts.Where(s => s.HospitalId == scope.HospitalId);
        if (scope.AllDepartments)
            return inHospital;
        var departments = scope.DepartmentIds.ToArray();
        return inHospital.Where(s => departments.Contains(s.DepartmentId));
    }

    public static string DepartmentOutOfScope(string departmentName) =>
        $"这个话术属于“{departmentName}”，不在您负责的科室范围内。如需查看或修改，请联系该科室的医护人员或管理员。";

    /// The script, tracked, if the staff member may change it; otherwise why not.
    public static async Task<(ScriptRecord? Script, ScriptCommandResult? Refusal)> LoadForChangeAsync(
        SuifangDbContext db, int id, StaffScope scope, CancellationToken ct)
    {
        if (!MayWrite(scope))
            return (null, ScriptCommandResult.Forbidden(WriteRefused));
        var script = await db.Scripts.SingleOrDefaultAsync(s => s.Id == id && s.HospitalId == scope.HospitalId, ct);
        if (script is null)
            return (null, ScriptCommandResult.NotFound(id));
        if (!scope.CanSeeDepartment(script.DepartmentId))
            return (null, ScriptCommandResult.Forbidden(DepartmentOutOfScope(await PathwayAccess.DepartmentNameAsync(db, script.DepartmentId, ct))));
        return (script, null);
    }

    /// A department the staff member may put a script in: of their hospital, active, and theirs (or any, for admins).
    public static async Task<ScriptCommandResult?> CheckDepartmentAsync(SuifangDbContext db, int departmentId, StaffScope scope, CancellationToken ct)
    {
        var department = await db.Departments.AsNoTracking()
            .SingleOrDefaultAsync(d => d.Id == departmentId && d.HospitalId == scope.HospitalId && d.IsActive, ct);
        if (department is null)
            return ScriptCommandResult.Invalid([new("科室", "请选择话术所属的科室：话术按科室展示，该科室的医护人员才能看到它。")]);
        return scope.CanSeeDepartment(departmentId)
            ? null
            : ScriptCommandResult.Forbidden($"您只能把话术放在自己负责的科室，“{department.Name}”不在您的科室范围内。");
    }
}
