using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Pathways.Editing;

namespace Suifang.Core.Pathways;

/// Who sees and changes which pathways: always one hospital; doctors and nurses their departments',
/// admins and supervisors every department's. Doctors and admins may change them, nurses and supervisors read.
public static class PathwayAccess
{
    public static readonly IReadOnlyList<string> Readers = [Roles.Admin, Roles.Doctor, Roles.Nurse, Roles.Supervisor];
    public static readonly IReadOnlyList<string> Writers = [Roles.Admin, Roles.Doctor];

    public const string ReadRefused = "您的角色不能查看随访路径：需要医生、护士、监管或管理员角色。";
    public const string WriteRefused = "您可以查看随访路径，但新建、修改、发布、归档和删除路径需要医生或管理员角色。如需调整，请联系本科室医生。";

    public static bool MayRead(StaffScope scope) => Readers.Any(scope.Roles.Contains);

    public static bool MayWrite(StaffScope scope) => Writers.Any(scope.Roles.Contains);

    public static IQueryable<Pathway> VisibleTo(this IQueryable<Pathway> pathways, StaffScope scope)
    {
        var inHospital = pathways.Where(p => p.HospitalId == scope.HospitalId);
        if (scope.AllDepartments)
            return inHospital;
        var departments = scope.DepartmentIds.ToArray();
        return inHospital.Where(p => departments.Contains(p.DepartmentId));
    }

    public static string DepartmentOutOfScope(string departmentName) =>
        $"这条路径属于“{departmentName}”，不在您负责的科室范围内。如需查看或修改，请联系该科室的医生或管理员。";

    /// The pathway with its nodes, tracked, if the staff member may change it; otherwise why not.
    public static async Task<(Pathway? Pathway, PathwayCommandResult? Refusal)> LoadForChangeAsync(
        SuifangDbContext db, int id, StaffScope scope, CancellationToken ct)
    {
        if (!MayWrite(scope))
            return (null, PathwayCommandResult.Forbidden(WriteRefused));
        var pathway = await db.Pathways.Include(p => p.Nodes).SingleOrDefaultAsync(p => p.Id == id && p.HospitalId == scope.HospitalId, ct);
        if (pathway is null)
            return (null, PathwayCommandResult.NotFound(id));
        if (!scope.CanSeeDepartment(pathway.DepartmentId))
            return (null, PathwayCommandResult.Forbidden(DepartmentOutOfScope(await DepartmentNameAsync(db, pathway.DepartmentId, ct))));
        return (pathway, null);
    }

    /// A department the staff member may put a pathway in: of their hospital, active, and theirs (or any, for admins).
    public static async Task<PathwayCommandResult?> CheckDepartmentAsync(SuifangDbContext db, int departmentId, StaffScope scope, CancellationToken ct)
    {
        var department = await db.Departments.AsNoTracking()
            .SingleOrDefaultAsync(d => d.Id == departmentId && d.HospitalId == scope.HospitalId && d.IsActive, ct);
        if (department is null)
            return PathwayCommandResult.Invalid([new("科室", "请选择路径所属的科室：路径按科室展示，该科室的医护人员才能看到它。")]);
        return scope.CanSeeDepartment(departmentId)
            ? null
            : PathwayCommandResult.Forbidden($"您只能把路径放在自己负责的科室，“{department.Name}”不在您的科室范围内。");
    }

    internal static async Task<string> DepartmentNameAsync(SuifangDbContext db, int departmentId, CancellationToken ct) =>
        await db.Departments.Where(d => d.Id == departmentId).Select(d => d.Name).SingleOrDefaultAsync(ct) ?? "其他科室";
}
