using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;

namespace Suifang.Web.ManualFollowUp;

internal sealed record Choice(int Id, string Name);

/// The departments and pathways a staff member may filter the queue by and assign templates to.
internal static class ManualChoices
{
    public static async Task<List<Choice>> DepartmentsAsync(SuifangDbContext db, StaffScope scope) =>
        (await db.Departments.AsNoTracking().Where(d => d.HospitalId == scope.HospitalId && d.IsActive).OrderBy(d => d.Code)
            .Select(d => new Choice(d.Id, d.Name)).ToListAsync()).Where(d => scope.CanSeeDepartment(d.Id)).ToList();

    public static async Task<List<Choice>> PathwaysAsync(SuifangDbContext db, StaffScope scope)
    {
        var departments = scope.DepartmentIds.ToArray();
        return await db.Pathways.AsNoTracking()
            .Where(p => p.HospitalId == scope.HospitalId && (scope.AllDepartments || departments.Contains(p.DepartmentId)))
            .OrderBy(p => p.Name).ThenByDescending(p => p.Version)
            .Select(p => new Choice(p.Id, p.Name + " v" + p.Version)).ToListAsync();
    }
}
