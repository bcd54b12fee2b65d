using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Organization;

namespace Suifang.Testing;

public static partial class StaffAccounts
{
    public const string Password = "staff-Pass-2026";

    /// Creates a staff account that is ready to use (no forced password change).
    public static async Task<StaffUser> CreateAsync(IServiceProvider services, string userName, string role, params string[] departmentCodes)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var db = scope.ServiceProvider.GetRequiredService<SuifangDbContext>();
        var hospital = await db.Hospitals.FirstAsync();
        var user = new StaffUser { UserName = userName, DisplayName = userName, HospitalId = hospital.Id };
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        foreach (var code in departmentCodes)
        {
            var dept = await db.Departments.FirstAsync(d => d.Code == code);
            db.StaffDepartments.Add(new StaffDepartment { UserId = user.Id, DepartmentId = dept.Id });
        }
        await db.SaveChangesAsync();
        return user;
    }

    /// Makes sure the hospital has the named departments (code = name's pinyin-free code given).
    public static async Task<Department> EnsureDepartmentAsync(IServiceProvider services, string code, string name, string? aliases = null)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SuifangDbContext>();
        var existing = await db.Departments.FirstOrDefaultAsync(d => d.Code == code);
        if (existing is not null)
            return existing;
        var hospital = await db.Hospitals.Include(h => h.Campuses).FirstAsync();
        var dept = new Department { HospitalId = hospital.Id, CampusId = hospital.Campuses[0].Id, Code = code, Name = name, Aliases = aliases };
        db.Departments.Add(dept);
        await db.SaveChangesAsync();
        return dept;
    }

    /// Logs in through the real login form; the client keeps the cookie.
    public static async Task LoginAsync(HttpClient client, string userName, string password)
    {
        var page = await client.GetStringAsync("/account/login");
        var token = Token().Match(page).Groups[1].Value;
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        }));
        if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.OK))
            throw new InvalidOperationException($"login answered {(int)response.StatusCode}");
        if (!client.DefaultRequestHeaders.Contains("Cookie") && response.StatusCode == HttpStatusCode.OK)
        {
            var body = await response.Content.ReadAsStringAsync();
            if (body.Contains("login-error", StringComparison.Ordinal))
                throw new InvalidOperationException("login failed: " + body);
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
