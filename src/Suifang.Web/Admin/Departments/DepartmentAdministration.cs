using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Audit;
using Suifang.Core.Data;
using Suifang.Core.Organization;

namespace Suifang.Web.Admin.Departments;

public sealed record DepartmentView(int Id, string Code, string Name, string? Aliases, int? CampusId, string? CampusName, bool IsActive);

internal sealed record DepartmentInput(string Code, string Name, string? Aliases, int? CampusId, bool IsActive = true);

public sealed record CampusView(int Id, string Name);

internal sealed record DepartmentOutcome(DepartmentView? Department, IReadOnlyList<string> Errors, bool NotFound = false)
{
    public bool Succeeded => Errors.Count == 0 && !NotFound;
}

/// Departments of a hospital (科室). Imports and the HIS match departments by name, code and aliases,
/// so no two departments may share any of them.
internal static class DepartmentAdministration
{
    public static Task<List<DepartmentView>> ListAsync(SuifangDbContext db, StaffScope scope, CancellationToken ct = default) =>
        (from d in db.Departments.AsNoTracking()
         join c in db.Campuses on d.CampusId equals c.Id into campus
         from c in campus.DefaultIfEmpty()
         where d.HospitalId == scope.HospitalId && (scope.AllDepartments || scope.DepartmentIds.Contains(d.Id))
         orderby d.Code
         select new DepartmentView(d.Id, d.Code, d.Name, d.Aliases, d.CampusId, c == null ? null : c.Name, d.IsActive))
        .ToListAsync(ct);

    public static Task<List<CampusView>> CampusesAsync(SuifangDbContext db, int hospitalId, CancellationToken ct = default) =>
        db.Campuses.AsNoTracking().Where(c => c.HospitalId == hospitalId).OrderBy(c => c.Id)
            .Select(c => new CampusView(c.Id, c.Name)).ToListAsync(ct);

    public static async Task<DepartmentOutcome> CreateAsync(SuifangDbContext db, DepartmentInput input, StaffScope scope, CancellationToken ct = default)
    {
        var department = new Department { HospitalId = scope.HospitalId, Code = "", Name = "" };
        return await SaveAsync(db, department, input, scope, isNew: true, ct);
    }

    public static async Task<DepartmentOutcome> UpdateAsync(SuifangDbContext db, int id, DepartmentInput input, StaffScope scope, CancellationToken ct = default)
    {
        var department = await db.Departments.FirstOrDefaultAsync(d => d.Id == id && d.HospitalId == scope.HospitalId, ct);
        if (department is null)
            return new DepartmentOutcome(null, ["找不到这个科室，请刷新列表后再试。"], NotFound: true);
        return await SaveAsync(db, department, input, scope, isNew: false, ct);
    }

    private static async Task<DepartmentOutcome> SaveAsync(SuifangDbContext db, Department department, DepartmentInput input, StaffScope scope, bool isNew, CancellationToken ct)
    {
        var code = (input.Code ?? "").Trim();
        var name = (input.Name ?? "").Trim();
        var aliases = string.Join(';', (input.Aliases ?? "").Replace('；', ';')
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct());
        var errors = await DepartmentRules.CheckAsync(db, department, code, name, aliases, input.CampusId, scope.HospitalId, ct);
        if (errors.Count > 0)
            return new DepartmentOutcome(null, errors);

        var before = isNew ? null : $"{department.Code} {department.Name}（别名：{department.Aliases}；{(department.IsActive ? "启用" : "停用")}）";
        (department.Code, department.Name, department.Aliases, department.CampusId, department.IsActive) =
            (code, name, aliases.Length == 0 ? null : aliases, input.CampusId, input.IsActive);
        var after = $"{code} {name}（别名：{department.Aliases}；{(department.IsActive ? "启用" : "停用")}）";
        db.Actor = scope.Actor;
        if (isNew)
        {
            // The new department's id exists only once it is saved; its audit entry follows at once.
            db.Departments.Add(department);
            await db.SaveChangesAsync(ct);
        }
        db.AuditEvent(isNew ? AuditActions.Create : AuditActions.Update, "Department", department.Id.ToString(),
            isNew ? $"新建科室 {after}" : $"修改科室 {before} → {after}");
        await db.SaveChangesAsync(ct);
        var view = (await ListAsync(db, scope with { AllDepartments = true }, ct)).First(d => d.Id == department.Id);
        return new DepartmentOutcome(view, []);
    }
}
