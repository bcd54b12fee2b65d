using Microsoft.AspNetCore.Identity;
using Suifang.Core.Accounts;
using Suifang.Core.Audit;
using Suifang.Core.Data;

namespace Suifang.Web.Demo;

/// The demo hospital's staff: one account per role (nurses for several departments), sharing one demo
/// password, without a forced password change so that a newcomer can try every role at once.
internal sealed class DemoStaff(UserManager<StaffUser> users, SuifangDbContext db)
{
    /// User name, role, departments (codes), and which doctor of the first department this is, if a doctor.
    public static readonly IReadOnlyList<(string UserName, string Role, string[] Departments, string? Title)> Accounts =
    [
        ("doctor.xnk", Roles.Doctor, ["XNK"], null),
        ("nurse.xnk", Roles.Nurse, ["XNK"], "护士"),
        ("doctor.nfm", Roles.Doctor, ["NFMK"], null),
        ("nurse.nfm", Roles.Nurse, ["NFMK"], "护士"),
        ("nurse.hx", Roles.Nurse, ["HXNK"], "护士"),
        ("nurse.gk", Roles.Nurse, ["GK"], "护士"),
        ("nurse.ck", Roles.Nurse, ["CK", "FK"], "护士"),
        ("supervisor", Roles.Supervisor, [], "医务处"),
        ("researcher", Roles.Researcher, ["XNK", "NFMK"], "科研处"),
        ("it.admin", Roles.Admin, [], "信息科"),
    ];

    public async Task<int> CreateAsync(int hospitalId, string password, IReadOnlyList<SeededDepartment> departments, DateTime now, Random random, CancellationToken ct)
    {
        var byCode = departments.ToDictionary(d => d.Demo.Code);
        // One hash for every account: hashing is deliberately slow, and the password is the same.
        var hash = users.PasswordHasher.HashPassword(new StaffUser(), password);
        var created = 0;
        foreach (var (userName, role, codes, title) in Accounts)
        {
            if (await users.FindByNameAsync(userName) is not null)
                continue;
            var displayName = title is null
                ? byCode[codes[0]].Doctors[0]
                : $"{ChineseNames.FullName(random, title == "护士" ? Core.Patients.Gender.Female : Core.Patients.Gender.Male, 1985)}（{title}）";
            var user = new StaffUser
            {
                UserName = userName,
                DisplayName = displayName,
                HospitalId = hospitalId,
                PasswordHash = hash,
                MustChangePassword = false,
                CreatedAt = now,
            };
            var result = await users.CreateAsync(user);
            if (result.Succeeded)
                result = await users.AddToRoleAsync(user, role);
            if (!result.Succeeded)
                throw new InvalidOperationException($"无法创建演示账号 {userName}：" + string.Join("；", result.Errors.Select(e => e.Description)));
            foreach (var code in codes)
                db.StaffDepartments.Add(new StaffDepartment { UserId = user.Id, DepartmentId = byCode[code].Id });
            db.AuditEvent(AuditActions.Account, "Account", user.Id, $"新建演示账号 {userName}（{displayName}），角色：{Roles.ChineseName(role)}");
            created++;
        }
        await db.SaveChangesAsync(ct);
        return created;
    }
}
