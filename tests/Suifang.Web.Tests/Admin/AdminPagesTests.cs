using System.Net;
using Suifang.Core.Data;
using Suifang.Testing;

namespace Suifang.Web.Tests.Admin;

public sealed class AdminPagesTests
{
    [Fact]
    public async Task The_admin_pages_open_with_their_title_guiding_hint_and_help_link()
    {
        await using var app = await SuifangWebFactory.StartAsync(DatabaseProvider.Sqlite);
        var admin = await AdminClients.AdminAsync(app);
        await AdminClients.DepartmentAsync(admin, "XNK", "心血管内科", "心内科;心内");

        foreach (var (page, title, help) in new[] { ("/admin/users", "账号管理", "accounts"), ("/admin/departments", "科室管理", "departments"), ("/admin/audit", "审计日志", "audit") })
        {
            var response = await admin.GetAsync(page);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains(title, html);
            Assert.Contains("data-testid=\"page-hint\"", html);
            Assert.Contains($"/help/{help}", html);
        }
        Assert.Contains("心内科；心内", await admin.GetStringAsync("/admin/departments"));
    }
}
