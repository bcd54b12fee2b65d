using System.Net.Http.Json;
using Suifang.Core.Accounts;
using Suifang.Testing;
using Suifang.Web.Admin.Departments;

namespace Suifang.Web.Tests.Admin;

/// Signed-in clients for the administration tests.
internal static class AdminClients
{
    public static async Task<HttpClient> AdminAsync(SuifangWebFactory app, string userName = "it.admin")
    {
        await StaffAccounts.CreateAsync(app.Services, userName, Roles.Admin);
        return await SignedInAsync(app, userName, StaffAccounts.Password);
    }

    public static async Task<HttpClient> SignedInAsync(SuifangWebFactory app, string userName, string password)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        await StaffAccounts.LoginAsync(client, userName, password);
        return client;
    }

    public static async Task<DepartmentView> DepartmentAsync(HttpClient admin, string code, string name, string? aliases = null)
    {
        var response = await admin.PostAsJsonAsync("/api/departments", new DepartmentInput(code, name, aliases, null));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<DepartmentView>())!;
    }
}
