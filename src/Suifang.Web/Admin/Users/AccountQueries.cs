using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;

namespace Suifang.Web.Admin.Users;

internal static class AccountQueries
{
    /// Accounts with their roles and departments in three queries, however many accounts there are.
    public static async Task<List<AccountView>> ListAsync(SuifangDbContext db, int? hospitalId, string? id, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking()
            .Where(u => (hospitalId == null || u.HospitalId == hospitalId) && (id == null || u.Id == id))
            .OrderBy(u => u.UserName)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.LockoutEnd, u.IsDisabled, u.MustChangePassword, u.CreatedAt })
            .ToListAsync(ct);
        var ids = users.Select(u => u.Id).ToList();
        var roles = (await (from ur in db.UserRoles
                            join r in db.Roles on ur.RoleId equals r.Id
                            where ids.Contains(ur.UserId)
                            select new { ur.UserId, r.Name }).ToListAsync(ct))
            .ToLookup(x => x.UserId, x => x.Name ?? "");
        var departments = (await (from sd in db.StaffDepartments
                                  join d in db.Departments on sd.DepartmentId equals d.Id
                                  where ids.Contains(sd.UserId)
                                  select new { sd.UserId, d.Id, d.Name }).ToListAsync(ct))
            .ToLookup(x => x.UserId, x => new DepartmentRef(x.Id, x.Name));
        var now = DateTimeOffset.UtcNow;
        return users.Select(u => new AccountView(
            u.Id, u.UserName ?? "", u.DisplayName,
            [.. roles[u.Id].OrderBy(r => Suifang.Core.Accounts.Roles.All.ToList().IndexOf(r))],
            [.. departments[u.Id].OrderBy(d => d.Name, StringComparer.Ordinal)],
            u.LockoutEnd > now, u.LockoutEnd > now ? u.LockoutEnd : null,
            u.IsDisabled, u.MustChangePassword, u.CreatedAt)).ToList();
    }
}
