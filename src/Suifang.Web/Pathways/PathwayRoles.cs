using Suifang.Core.Accounts;

namespace Suifang.Web.Pathways;

internal static class PathwayRoles
{
    /// Roles that see pathways; of these doctors and admins change them (PathwayAccess.Writers).
    public const string Readers = $"{Roles.Admin},{Roles.Doctor},{Roles.Nurse},{Roles.Supervisor}";
}
