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
