using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Common;
using Suifang.Core.Data;

namespace Suifang.Web.Accounts;

/// First run: creates the roles and the admin account. There is no default password: it comes from
/// Suifang:AdminPassword (env SUIFANG__ADMINPASSWORD) or is generated and printed to the console once;
/// either way it must be changed at first login.
internal sealed class AdminBootstrapper(
    UserManager<StaffUser> users,
    RoleManager<IdentityRole> roles,
    SuifangDbContext db,
    IConfiguration configuration,
    HospitalClock clock,
    ILogger<AdminBootstrapper> log)
{
    public const string AdminUserName = "admin";

    public async Task EnsureAsync(int hospitalId, CancellationToken ct = default)
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));

        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0 || await db.Users.AnyAsync(u => u.UserName == AdminUserName, ct))
            return;

        var configured = configuration["Suifang:AdminPassword"];
        var password = string.IsNullOrWhiteSpace(configured) ? NewOneTimePassword() : configured;
        var admin = new StaffUser
        {
            UserName = AdminUserName,
            DisplayName = "系统管理员",
            HospitalId = hospitalId,
            MustChangePassword = true,
            CreatedAt = clock.Now,
        };
        var result = await users.CreateAsync(admin, password);
        if (!result.Succeeded)
            throw new InvalidOperationException("无法创建管理员账号：" + string.Join("；", result.Errors.Select(e => e.Description))
                + " 请检查 Suifang:AdminPassword 是否满足密码规则（至少 8 位，含数字和小写字母）。");
        await users.AddToRoleAsync(admin, Roles.Admin);

        if (string.IsNullOrWhiteSpace(configured))
        {
            // Printed once, to the console only: it is not written to the log files.
            Console.WriteLine();
            Console.WriteLine("==================== 随访平台首次启动 ====================");
            Console.WriteLine($"  管理员账号：{AdminUserName}");
            Console.WriteLine($"  一次性密码：{password}");
            Console.WriteLine("  请立即登录并修改密码；此密码只显示这一次。");
            Console.WriteLine("==========================================================");
            Console.WriteLine();
        }
        log.LogInformation("Created the first admin account {User}; it must change its password at first login.", AdminUserName);
    }

    /// For IT with shell access to the server when no admin can log in: `--reset-admin-password`.
    public async Task ResetAsync()
    {
        var admin = await users.FindByNameAsync(AdminUserName)
            ?? throw new InvalidOperationException("没有找到 admin 账号，无法重置。");
        var password = NewOneTimePassword();
        await users.RemovePasswordAsync(admin);
        var result = await users.AddPasswordAsync(admin, password);
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join("；", result.Errors.Select(e => e.Description)));
        admin.MustChangePassword = true;
        admin.IsDisabled = false;
        await users.UpdateAsync(admin);
        await users.SetLockoutEndDateAsync(admin, null);
        await users.ResetAccessFailedCountAsync(admin);
        db.Actor = Core.Audit.AuditActor.System("命令行重置管理员密码");
        db.AuditEvent(Core.Audit.AuditActions.Account, "Account", admin.Id, "通过服务器命令行重置了 admin 的密码");
        await db.SaveChangesAsync();
        Console.WriteLine($"admin 的新一次性密码：{password}（登录后须立即修改）");
    }

    internal static string NewOneTimePassword()
    {
        const string letters = "abcdefghjkmnpqrstuvwxyz", digits = "23456789", all = letters + digits + "ABCDEFGHJKLMNPQRSTUVWXYZ";
        var chars = new char[14];
        for (var i = 0; i < chars.Length; i++)
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        chars[3] = letters[RandomNumberGenerator.GetInt32(letters.Length)];
        chars[9] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        return new string(chars);
    }
}
