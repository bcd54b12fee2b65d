using Suifang.Core.Accounts;

namespace Suifang.Core.Contact;

/// The answer of a contact command: done (with how many tasks and plans it stopped), or why not, in Chinese.
public sealed record ContactOutcome(string? Error = null, bool NotFound = false, bool Forbidden = false, long? Id = null,
    int CancelledTasks = 0, int StoppedPlans = 0)
{
    public bool Succeeded => Error is null;

    public static ContactOutcome Invalid(string error) => new(error);
    public static ContactOutcome Missing(string error) => new(error, NotFound: true);
    public static ContactOutcome Denied(string error) => new(error, Forbidden: true);
}

public static class ContactRoles
{
    /// Who may change the do-not-call list and record consent: those who contact patients, and admins.
    public static bool MayManage(StaffScope scope) =>
        scope.Roles.Contains(Roles.Admin) || scope.Roles.Contains(Roles.Nurse) || scope.Roles.Contains(Roles.Doctor);

    public const string ReadOnly = "您的角色只能查看，不能修改免打扰名单或知情同意。如需修改，请联系护士、医生或管理员。";
}
