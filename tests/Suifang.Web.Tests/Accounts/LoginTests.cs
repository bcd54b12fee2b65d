using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Testing;

namespace Suifang.Web.Tests.Accounts;

public sealed class LoginTests
{
    [Fact]
    public async Task The_first_admin_must_change_the_password_before_anything_else()
    {
        await using var app = await SuifangWebFactory.StartAsync(DatabaseProvider.Sqlite);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        await StaffAccounts.LoginAsync(client, "admin", SuifangWebFactory.AdminPassword);

        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/account/change-password", home.Headers.Location!.OriginalString);
        var api = await client.GetAsync("/api/patients");
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Contains("修改初始密码", await api.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_say_so()
    {
        await using var app = await SuifangWebFactory.StartAsync(DatabaseProvider.Sqlite);
        await StaffAccounts.EnsureDepartmentAsync(app.Services, "XNK", "心血管内科");
        await StaffAccounts.CreateAsync(app.Services, "nurse1", Roles.Nurse, "XNK");
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        string last = "";
        for (var i = 0; i < 5; i++)
            last = await PostLoginAsync(client, "nurse1", "wrong-password1");
        Assert.Contains("已锁定", last);

        var withRightPassword = await PostLoginAsync(client, "nurse1", StaffAccounts.Password);
        Assert.Contains("已锁定", withRightPassword);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SuifangDbContext>();
        Assert.True(await db.AuditLog.CountAsync(a => a.Action == "login") >= 6);
    }

    [Fact]
    public async Task A_wrong_password_says_how_many_tries_are_left()
    {
        await using var app = await SuifangWebFactory.StartAsync(DatabaseProvider.Sqlite);
        await StaffAccounts.EnsureDepartmentAsync(app.Services, "XNK", "心血管内科");
        await StaffAccounts.CreateAsync(app.Services, "nurse2", Roles.Nurse, "XNK");
        var body = await PostLoginAsync(app.CreateClient(new() { AllowAutoRedirect = false }), "nurse2", "wrong-password1");
        Assert.Contains("还可以再试 4 次", body);
    }

    [Fact]
    public async Task There_is_no_default_password()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new SuifangWebFactory(db, new Dictionary<string, string?> { ["Suifang:AdminPassword"] = "" });
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var admin = await users.FindByNameAsync("admin");
        Assert.NotNull(admin);
        Assert.True(admin.MustChangePassword);
        foreach (var guess in new[] { "admin", "admin123", "123456", "password", "Suifang123", SuifangWebFactory.AdminPassword })
            Assert.False(await users.CheckPasswordAsync(admin, guess));
    }

    [Fact]
    public async Task IT_can_reset_a_locked_admin_from_the_server_command_line()
    {
        await using var app = await SuifangWebFactory.StartAsync(DatabaseProvider.Sqlite);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var admin = (await users.FindByNameAsync("admin"))!;
        await users.SetLockoutEndDateAsync(admin, DateTimeOffset.UtcNow.AddHours(1));

        await scope.ServiceProvider.GetRequiredService<Suifang.Web.Accounts.AdminBootstrapper>().ResetAsync();

        admin = (await users.FindByNameAsync("admin"))!;
        Assert.False(await users.IsLockedOutAsync(admin));
        Assert.True(admin.MustChangePassword);
        Assert.False(await users.CheckPasswordAsync(admin, SuifangWebFactory.AdminPassword));
        var db = scope.ServiceProvider.GetRequiredService<SuifangDbContext>();
        Assert.True(await db.AuditLog.AnyAsync(a => a.Summary.Contains("重置了 admin")));
    }

    private static async Task<string> PostLoginAsync(HttpClient client, string user, string password)
    {
        var page = await client.GetStringAsync("/account/login");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = user,
            ["Input.Password"] = password,
        }));
        return await response.Content.ReadAsStringAsync();
    }
}
