using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Testing;
using Suifang.Web.Admin.Users;

namespace Suifang.Web.Tests.Admin;

public sealed class AccountsApiTests
{
    [Fact]
    public async Task Staff_who_are_not_admins_get_403_from_account_department_and_audit_administration()
    {
        await using var app = await SuifangWebFactory.StartAsync(DatabaseProvider.Sqlite);
        await StaffAccounts.EnsureDepartmentAsync(app.Services, "XNK", "心血管内科");
        await StaffAccounts.EnsureDepartmentAsync(app.Services, "GK", "骨科");
        await StaffAccounts.CreateAsync(app.Services, "nurse.xnk", Roles.Nurse, "XNK");
        var nurse = await AdminClients.SignedInAsync(app, "nurse.xnk", StaffAccounts.Password);

        Assert.Equal(HttpStatusCode.Forbidden, (await nurse.GetAsync("/api/accounts")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await nurse.PostAsJsonAsync("/api/accounts", new NewAccount("x.y", "某人", [Roles.Admin], []))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await nurse.PostAsJsonAsync("/api/departments", new { code = "EK", name = "儿科" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await nurse.GetAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await nurse.PostAsync("/api/audit/verify", null)).StatusCode);

        var visible = await nurse.GetFromJsonAsync<List<Suifang.Web.Admin.Departments.DepartmentView>>("/api/departments");
        Assert.Equal(["心血管内科"], visible!.Select(d => d.Name));

        foreach (var page in new[] { "/admin/users", "/admin/departments", "/admin/audit" })
        {
            var response = await nurse.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/access-denied", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        }
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_new_account_gets_a_one_time_password_and_must_change_it_at_first_login(DatabaseProvider provider)
    {
        await using var app = await SuifangWebFactory.StartAsync(provider);
        var admin = await AdminClients.AdminAsync(app);
        var xnk = await AdminClients.DepartmentAsync(admin, "XNK", "心血管内科", "心内科;心内");

        var response = await admin.PostAsJsonAsync("/api/accounts", new NewAccount("nurse.wang", "王芳", [Roles.Nurse], [xnk.Id]));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<AccountResponse>())!;
        Assert.False(string.IsNullOrEmpty(created.OneTimePassword));
        Assert.True(created.Account.MustChangePassword);
        Assert.Equal(["护士"], created.Account.RoleNames);
        Assert.Equal(["心血管内科"], created.Account.Departments.Select(d => d.Name));

        var nurse = await AdminClients.SignedInAsync(app, "nurse.wang", created.OneTimePassword!);
        var home = await nurse.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/account/change-password", home.Headers.Location!.OriginalString);

        var again = await admin.PostAsJsonAsync("/api/accounts", new NewAccount("nurse.wang", "王芳", [Roles.Nurse], [xnk.Id]));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("已存在", await again.Content.ReadAsStringAsync());
        var noDepartment = await admin.PostAsJsonAsync("/api/accounts", new NewAccount("doctor.li", "李明", [Roles.Doctor], []));
        Assert.Contains("至少需要选择一个科室", await noDepartment.Content.ReadAsStringAsync());

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SuifangDbContext>();
        var entry = await db.AuditLog.SingleAsync(a => a.Action == "account" && a.EntityId == created.Account.Id);
        Assert.Contains("新建账号 nurse.wang", entry.Summary);
        Assert.Equal("it.admin", entry.UserName);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Changing_a_nurses_departments_makes_her_open_session_revalidate(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var root = new SuifangWebFactory(database);
        // Check the security stamp on every request, as the cookie does every 30 minutes in production.
        var app = root.WithWebHostBuilder(b => b.ConfigureServices(s =>
            s.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero)));
        await StaffAccounts.EnsureDepartmentAsync(app.Services, "XNK", "心血管内科");
        var gk = await StaffAccounts.EnsureDepartmentAsync(app.Services, "GK", "骨科");
        var nurseUser = await StaffAccounts.CreateAsync(app.Services, "nurse.li", Roles.Nurse, "XNK");
        await StaffAccounts.CreateAsync(app.Services, "it.admin", Roles.Admin);
        var admin = app.CreateClient(new() { AllowAutoRedirect = false });
        await StaffAccounts.LoginAsync(admin, "it.admin", StaffAccounts.Password);
        var nurse = app.CreateClient(new() { AllowAutoRedirect = false });
        await StaffAccounts.LoginAsync(nurse, "nurse.li", StaffAccounts.Password);
        Assert.Equal(HttpStatusCode.OK, (await nurse.GetAsync("/api/departments")).StatusCode);

        var update = await admin.PutAsJsonAsync($"/api/accounts/{nurseUser.Id}", new AccountChange("李护士", [Roles.Nurse], [gk.Id]));
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);

        // The old cookie no longer opens anything: the session has ended and she has to sign in again.
        Assert.Equal(HttpStatusCode.Unauthorized, (await nurse.GetAsync("/api/departments")).StatusCode);
        await StaffAccounts.LoginAsync(nurse, "nurse.li", StaffAccounts.Password);
        var visible = await nurse.GetFromJsonAsync<List<Suifang.Web.Admin.Departments.DepartmentView>>("/api/departments");
        Assert.Equal(["骨科"], visible!.Select(d => d.Name));
    }

    [Fact]
    public async Task The_admin_unlocks_disables_enables_and_resets_an_account_and_each_step_is_audited()
    {
        await using var app = await SuifangWebFactory.StartAsync(DatabaseProvider.Sqlite);
        await StaffAccounts.EnsureDepartmentAsync(app.Services, "XNK", "心血管内科");
        var user = await StaffAccounts.CreateAsync(app.Services, "nurse.zhao", Roles.Nurse, "XNK");
        var admin = await AdminClients.AdminAsync(app);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var u = (await users.FindByIdAsync(user.Id))!;
            await users.SetLockoutEndDateAsync(u, DateTimeOffset.UtcNow.AddMinutes(15));
        }
        var listed = await admin.GetFromJsonAsync<List<AccountView>>("/api/accounts");
        Assert.True(listed!.Single(a => a.UserName == "nurse.zhao").IsLockedOut);

        var unlocked = await admin.PostAsync($"/api/accounts/{user.Id}/unlock", null);
        Assert.False((await unlocked.Content.ReadFromJsonAsync<AccountResponse>())!.Account.IsLockedOut);
        var disabled = await admin.PostAsync($"/api/accounts/{user.Id}/disable", null);
        Assert.True((await disabled.Content.ReadFromJsonAsync<AccountResponse>())!.Account.IsDisabled);
        await admin.PostAsync($"/api/accounts/{user.Id}/enable", null);
        var reset = (await (await admin.PostAsync($"/api/accounts/{user.Id}/reset-password", null)).Content.ReadFromJsonAsync<AccountResponse>())!;
        Assert.True(reset.Account.MustChangePassword);

        var nurse = await AdminClients.SignedInAsync(app, "nurse.zhao", reset.OneTimePassword!);
        Assert.Equal("/account/change-password", (await nurse.GetAsync("/")).Headers.Location!.OriginalString);
        var selfDisable = await admin.PostAsync($"/api/accounts/{listed!.Single(a => a.UserName == "it.admin").Id}/disable", null);
        Assert.Equal(HttpStatusCode.BadRequest, selfDisable.StatusCode);

        await using var check = app.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<SuifangDbContext>();
        var summaries = await db.AuditLog.Where(a => a.EntityId == user.Id).OrderBy(a => a.Id).Select(a => a.Summary).ToListAsync();
        Assert.Collection(summaries,
            s => Assert.StartsWith("解锁账号", s),
            s => Assert.StartsWith("停用账号", s),
            s => Assert.StartsWith("启用账号", s),
            s => Assert.StartsWith("重置账号", s),
            s => Assert.Contains("登录成功", s));
    }
}
