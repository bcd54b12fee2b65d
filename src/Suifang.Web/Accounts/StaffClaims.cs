using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Suifang.Core.Accounts;
using Suifang.Core.Data;

namespace Suifang.Web.Accounts;

internal static class StaffClaimTypes
{
    public const string DisplayName = "display_name";
    public const string Hospital = "hospital";
    public const string Department = "dept";
    public const string MustChangePassword = "must_change_password";
}

/// Puts name, hospital, departments and the must-change-password flag into the sign-in cookie.
internal sealed class StaffClaimsFactory(
        UserManager<StaffUser> users,
        RoleManager<IdentityRole> roles,
        IOptions<IdentityOptions> options,
        SuifangDbContext db)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(StaffClaimTypes.DisplayName, string.IsNullOrEmpty(user.DisplayName) ? user.UserName ?? "" : user.DisplayName));
        identity.AddClaim(new Claim(StaffClaimTypes.Hospital, user.HospitalId.ToString(CultureInfo.InvariantCulture)));
        var departments = await db.StaffDepartments.Where(d => d.UserId == user.Id).Select(d => d.DepartmentId).ToListAsync();
        foreach (var d in departments)
            identity.AddClaim(new Claim(StaffClaimTypes.Department, d.ToString(CultureInfo.InvariantCulture)));
        if (user.MustChangePassword)
            identity.AddClaim(new Claim(StaffClaimTypes.MustChangePassword, "true"));
        return identity;
    }
}

internal static class StaffScopes
{
    public static StaffScope From(ClaimsPrincipal user, string? ip)
    {
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet();
        return new StaffScope(
            user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            user.FindFirstValue(StaffClaimTypes.DisplayName) ?? user.Identity?.Name ?? "",
            int.TryParse(user.FindFirstValue(StaffClaimTypes.Hospital), out var h) ? h : 0,
            roles.Any(Roles.HospitalWide.Contains),
            user.FindAll(StaffClaimTypes.Department).Select(c => int.Parse(c.Value, CultureInfo.InvariantCulture)).ToHashSet(),
            roles,
            ip);
    }
}
