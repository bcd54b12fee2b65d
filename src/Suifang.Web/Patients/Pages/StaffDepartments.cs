using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;

namespace Suifang.Web.Patients.Pages;

/// The departments and campuses a staff member may choose on the entry forms: their own departments,
/// or all of the hospital's for admins and supervisors.
internal static class StaffDepartments
{
    public static async Task<(IReadOnlyList<string> Departments, IReadOnlyList<string> Campuses)> LoadAsync(SuifangDbContext db, StaffScope scope)
    {
        var departments = await db.Departments.AsNoTracking()
            .Where(d => d.HospitalId == scope.HospitalId && d.IsActive)
            .OrderBy(d => d.Code).Select(d => new { d.Id, d.Name }).ToListAsync();
        var campuses = await db.Campuses.AsNoTracking().Where(c => c.HospitalId == scope.HospitalId)
            .OrderBy(c => c.Id).Select(c => c.Name).ToListAsync();
        return (departments.Where(d => scope.CanSeeDepartment(d.Id)).Select(d => d.Name).ToList(), campuses);
    }
}
