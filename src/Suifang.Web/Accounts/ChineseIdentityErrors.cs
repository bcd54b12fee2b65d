using Microsoft.AspNetCore.Identity;

namespace Suifang.Web.Accounts;

/// Identity's messages in plain Chinese that say what to do (8.2.2).
internal sealed class ChineseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), $"密码至少需要 {length} 位，请加长后再试。");
    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit), "密码里至少要有一个数字（0-9）。");
    public override IdentityError PasswordRequiresLower() => E(nameof(PasswordRequiresLower), "密码里至少要有一个小写字母（a-z）。");
    public override IdentityError PasswordRequiresUpper() => E(nameof(PasswordRequiresUpper), "密码里至少要有一个大写字母（A-Z）。");
    public override IdentityError PasswordRequiresNonAlphanumeric() => E(nameof(PasswordRequiresNonAlphanumeric), "密码里至少要有一个符号，例如 ! 或 #。");
    public override IdentityError PasswordRequiresUniqueChars(int n) => E(nameof(PasswordRequiresUniqueChars), $"密码里至少要有 {n} 个不同的字符。");
    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch), "当前密码不正确，请重新输入。");
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateUserName), $"账号“{userName}”已存在，请换一个账号名。");
    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidUserName), $"账号“{userName}”不可用：只能使用字母、数字和 . _ - 符号。");
    public override IdentityError DuplicateRoleName(string role) => E(nameof(DuplicateRoleName), $"角色“{role}”已存在。");
    public override IdentityError UserAlreadyInRole(string role) => E(nameof(UserAlreadyInRole), $"该账号已经是“{role}”角色。");
    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure), "这条信息刚被别人修改过，请刷新后再试。");
    public override IdentityError DefaultError() => E(nameof(DefaultError), "操作没有成功，请稍后重试；若问题持续，请联系信息科。");

    private static IdentityError E(string code, string description) => new() { Code = code, Description = description };
}
