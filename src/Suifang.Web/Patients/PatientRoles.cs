using Suifang.Core.Accounts;

namespace Suifang.Web.Patients;

internal static class PatientRoles
{
    /// Roles that work with patient lists and archives; the researcher works with de-identified cohorts instead.
    public const string Staff = $"{Roles.Admin},{Roles.Doctor},{Roles.Nurse},{Roles.Supervisor}";
}
