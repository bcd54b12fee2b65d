using Suifang.Core.Accounts;

namespace Suifang.Web.Scripts;

internal static class ScriptRoles
{
    /// Roles that see scripts; of these doctors, nurses and admins change them (ScriptAccess.Writers).
    public const string Readers = $"{Roles.Admin},{Roles.Doctor},{Roles.Nurse},{Roles.Supervisor}";
}
