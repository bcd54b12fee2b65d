using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Audit;
using Suifang.Core.Common;
using Suifang.Core.Data;
using Suifang.Web.Accounts;

namespace Suifang.Web.Admin.Users;

/// What an admin does to staff accounts. Each action and its audit entry are saved together in one
/// SaveChanges: the Identity store is told not to save on its own (AutoSaveChanges = false).
/// Scoped: pages resolve it in a fresh scope per action, the API per request.
internal sealed partial class AccountAdministration
{
    private readonly UserManager<StaffUser> _users;
    private readonly SuifangDbContext _db;
    private readonly HospitalClock _clock;
    private readonly IdentityErrorDescriber _errors;
    private string? _loadedStamp;

    public AccountAdministration(UserManager<StaffUser> users, IUserStore<StaffUser> store, SuifangDbContext db, HospitalClock clock, IdentityErrorDescriber errors)
    {
        if (store is not UserStore<StaffUser, IdentityRole, SuifangDbContext, string, IdentityUserClaim<string>, IdentityUserRole<string>,
                IdentityUserLogin<string>, IdentityUserToken<string>, IdentityRoleClaim<string>, IdentityUserPasskey<string>> efStore)
            throw new InvalidOperationException($"账号管理需要 EF Core 的 Identity 存储，而不是 {store.GetType()}。");
        efStore.AutoSaveChanges = false;
        (_users, _db, _clock, _errors) = (users, db, clock, errors);
    }

    public Task<List<AccountView>> ListAsync(int hospitalId, CancellationToken ct = default) =>
        AccountQueries.ListAsync(_db, hospitalId, null, ct);

    public async Task<AccountView?> FindAsync(string id, CancellationToken ct = default) =>
        (await AccountQueries.ListAsync(_db, null, id, ct)).FirstOrDefault();

    public async Task<AccountOutcome> CreateAsync(NewAccount input, int hospitalId, AuditActor actor, CancellationToken ct = default)
    {
        input = input.Normalized();
        var userName = (input.UserName ?? "").Trim();
        var roles = input.Roles.Distinct().ToList();
        var problems = AccountRules.Check(input.DisplayName, roles, input.DepartmentIds).ToList();
        if (userName.Length == 0)
            problems.Insert(0, "请填写登录账号，例如 nurse.zhang。");
        problems.AddRange(await UnknownDepartmentsAsync(input.DepartmentIds, hospitalId, ct));
        if (problems.Count > 0)
            return AccountOutcome.Failed([.. problems]);

        var password = AdminBootstrapper.NewOneTimePassword();
        var user = new StaffUser
        {
            UserName = userName,
            DisplayName = input.DisplayName.Trim(),
            HospitalId = hospitalId,
            MustChangePassword = true,
            CreatedAt = _clock.Now,
        };
        var result = await _users.CreateAsync(user, password);
        if (!result.Succeeded)
            return Failed(result);
        // Roles are linked directly: UserManager.AddToRolesAsync would re-attach the not yet saved user as modified.
        var roleIds = await _db.Roles.Where(r => roles.Contains(r.Name!)).Select(r => r.Id).ToListAsync(ct);
        foreach (var roleId in roleIds)
            _db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
        foreach (var d in input.DepartmentIds.Distinct())
            _db.StaffDepartments.Add(new StaffDepartment { UserId = user.Id, DepartmentId = d });
        var saved = await CommitAsync(actor, user, $"新建账号 {userName}（{user.DisplayName}），角色：{RoleText(roles)}，需首次登录修改密码", ct);
        return saved ?? new AccountOutcome(await FindAsync(user.Id, ct), password, []);
    }

    public async Task<AccountOutcome> UpdateAsync(string id, AccountChange input, AuditActor actor, CancellationToken ct = default)
    {
        input = input.Normalized();
        var user = await FindUserAsync(id);
        if (user is null)
            return AccountOutcome.Missing;
        var roles = input.Roles.Distinct().ToList();
        var problems = AccountRules.Check(input.DisplayName, roles, input.DepartmentIds).ToList();
        if (user.Id == actor.UserId && !roles.Contains(Roles.Admin))
            problems.Add("不能取消自己的管理员角色，否则您将无法再管理账号。请让另一位管理员操作。");
        problems.AddRange(await UnknownDepartmentsAsync(input.DepartmentIds, user.HospitalId, ct));
        if (problems.Count > 0)
            return AccountOutcome.Failed([.. problems]);

        var current = await _users.GetRolesAsync(user);
        var result = await _users.RemoveFromRolesAsync(user, current.Except(roles));
        if (result.Succeeded)
            result = await _users.AddToRolesAsync(user, roles.Except(current));
        if (!result.Succeeded)
            return Failed(result);
        var departments = await _db.StaffDepartments.Where(d => d.UserId == id).ToListAsync(ct);
        var wanted = input.DepartmentIds.Distinct().ToHashSet();
        _db.StaffDepartments.RemoveRange(departments.Where(d => !wanted.Contains(d.DepartmentId)));
        foreach (var d in wanted.Except(departments.Select(d => d.DepartmentId)))
            _db.StaffDepartments.Add(new StaffDepartment { UserId = id, DepartmentId = d });
        user.DisplayName = input.DisplayName.Trim();
        // A new stamp makes open sessions re-validate and pick up the new roles and departments.
        await _users.UpdateSecurityStampAsync(user);
        var names = await _db.Departments.Where(d => wanted.Contains(d.Id)).Select(d => d.Name).ToListAsync(ct);
        var saved = await CommitAsync(actor, user, $"修改账号 {user.UserName}：角色 {RoleText(roles)}；科室 {(names.Count == 0 ? "无" : string.Join("、", names))}", ct);
        return saved ?? new AccountOutcome(await FindAsync(id, ct), null, []);
    }

    /// Loads the account and remembers its concurrency stamp: each UserManager update re-attaches the user
    /// and accepts its values, so the stamp the database holds must be restored before the one save.
    private async Task<StaffUser?> FindUserAsync(string id)
    {
        var user = await _users.FindByIdAsync(id);
        _loadedStamp = user?.ConcurrencyStamp;
        return user;
    }

    private async Task<List<string>> UnknownDepartmentsAsync(IReadOnlyList<int> ids, int hospitalId, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        var known = await _db.Departments.Where(d => d.HospitalId == hospitalId && wanted.Contains(d.Id)).Select(d => d.Id).ToListAsync(ct);
        return wanted.Except(known).Select(id => $"科室编号 {id} 不存在，请先在“科室管理”中添加该科室。").ToList();
    }

    /// Saves the change and its audit entry in one transaction; returns null on success.
    private async Task<AccountOutcome?> CommitAsync(AuditActor actor, StaffUser user, string summary, CancellationToken ct)
    {
        var entry = _db.Entry(user);
        if (entry.State == EntityState.Modified)
            entry.Property(u => u.ConcurrencyStamp).OriginalValue = _loadedStamp;
        _db.Actor = actor;
        _db.AuditEvent(AuditActions.Account, "Account", user.Id, summary);
        try
        {
            await _db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return AccountOutcome.Failed(_errors.ConcurrencyFailure().Description);
        }
        catch (DbUpdateException)
        {
            return AccountOutcome.Failed(_errors.DefaultError().Description);
        }
    }

    private static AccountOutcome Failed(IdentityResult result) =>
        AccountOutcome.Failed([.. result.Errors.Select(e => e.Description)]);

    private static string RoleText(IEnumerable<string> roles) => string.Join("、", roles.Select(Roles.ChineseName));
}
