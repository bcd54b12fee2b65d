using Microsoft.AspNetCore.Identity;
using Suifang.Core.Accounts;
using Suifang.Core.Audit;
using Suifang.Web.Accounts;

namespace Suifang.Web.Admin.Users;

/// The actions on an existing account's access: reset password, unlock, disable and enable.
internal sealed partial class AccountAdministration
{
    public async Task<AccountOutcome> ResetPasswordAsync(string id, AuditActor actor, CancellationToken ct = default)
    {
        var user = await FindUserAsync(id);
        if (user is null)
            return AccountOutcome.Missing;
        var password = AdminBootstrapper.NewOneTimePassword();
        var result = await _users.RemovePasswordAsync(user);
        if (result.Succeeded)
            result = await _users.AddPasswordAsync(user, password);
        if (result.Succeeded)
            result = await UnlockUserAsync(user);
        if (!result.Succeeded)
            return Failed(result);
        user.MustChangePassword = true;
        var saved = await CommitAsync(actor, user, $"重置账号 {user.UserName} 的密码（发放一次性密码，需登录后修改）", ct);
        return saved ?? new AccountOutcome(await FindAsync(id, ct), password, []);
    }

    public async Task<AccountOutcome> UnlockAsync(string id, AuditActor actor, CancellationToken ct = default)
    {
        var user = await FindUserAsync(id);
        if (user is null)
            return AccountOutcome.Missing;
        var result = await UnlockUserAsync(user);
        if (!result.Succeeded)
            return Failed(result);
        var saved = await CommitAsync(actor, user, $"解锁账号 {user.UserName}", ct);
        return saved ?? new AccountOutcome(await FindAsync(id, ct), null, []);
    }

    public async Task<AccountOutcome> SetDisabledAsync(string id, bool disabled, AuditActor actor, CancellationToken ct = default)
    {
        var user = await FindUserAsync(id);
        if (user is null)
            return AccountOutcome.Missing;
        if (disabled && user.Id == actor.UserId)
            return AccountOutcome.Failed("不能停用自己正在使用的账号。");
        user.IsDisabled = disabled;
        // Disabling ends the account's open sessions at their next check.
        await _users.UpdateSecurityStampAsync(user);
        var saved = await CommitAsync(actor, user, $"{(disabled ? "停用" : "启用")}账号 {user.UserName}", ct);
        return saved ?? new AccountOutcome(await FindAsync(id, ct), null, []);
    }

    private async Task<IdentityResult> UnlockUserAsync(StaffUser user)
    {
        var result = await _users.SetLockoutEndDateAsync(user, null);
        return result.Succeeded ? await _users.ResetAccessFailedCountAsync(user) : result;
    }
}
