using Suifang.Core.Accounts;

namespace Suifang.Web.Admin.Users;

public sealed record DepartmentRef(int Id, string Name);

/// One staff account as the admin sees it (public: Razor components, which are public, take it as a parameter).
public sealed record AccountView(
    string Id,
    string UserName,
    string DisplayName,
    IReadOnlyList<string> Roles,
    IReadOnlyList<DepartmentRef> Departments,
    bool IsLockedOut,
    DateTimeOffset? LockedUntil,
    bool IsDisabled,
    bool MustChangePassword,
    DateTime CreatedAt)
{
    public IReadOnlyList<string> RoleNames => Roles.Select(Suifang.Core.Accounts.Roles.ChineseName).ToList();
}

internal sealed record NewAccount(string UserName, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<int> DepartmentIds)
{
    /// A JSON body may leave lists out; they mean "none".
    public NewAccount Normalized() => this with { Roles = Roles ?? [], DepartmentIds = DepartmentIds ?? [] };
}

internal sealed record AccountChange(string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<int> DepartmentIds)
{
    public AccountChange Normalized() => this with { Roles = Roles ?? [], DepartmentIds = DepartmentIds ?? [] };
}

/// The outcome of an admin action: the account as it is now, the one-time password when one was issued,
/// or the reasons (in Chinese) why nothing was changed.
internal sealed record AccountOutcome(AccountView? Account, string? OneTimePassword, IReadOnlyList<string> Errors, bool NotFound = false)
{
    public bool Succeeded => Errors.Count == 0 && !NotFound;

    public static AccountOutcome Failed(params string[] errors) => new(null, null, errors);

    public static readonly AccountOutcome Missing = new(null, null, ["找不到这个账号，它可能已被删除。请刷新列表后再试。"], NotFound: true);
}

internal static class AccountRules
{
    /// Doctors and nurses see only their departments' patients, so an account without one would see nothing.
    public static IEnumerable<string> Check(string displayName, IReadOnlyList<string> roles, IReadOnlyList<int> departmentIds)
    {
        if (string.IsNullOrWhiteSpace(displayName))
            yield return "请填写姓名（显示名）。";
        else if (displayName.Trim().Length > 64)
            yield return "姓名最多 64 个字。";
        if (roles.Count == 0)
            yield return "请至少选择一个角色。";
        foreach (var r in roles.Where(r => !Roles.All.Contains(r)))
            yield return $"没有“{r}”这个角色；可选的角色是：管理员、医生、护士、监管、科研。";
        if (departmentIds.Count == 0 && roles.Any(r => r is Roles.Doctor or Roles.Nurse) && !roles.Any(Roles.HospitalWide.Contains))
            yield return "医生和护士账号至少需要选择一个科室，否则看不到任何患者。";
    }
}
