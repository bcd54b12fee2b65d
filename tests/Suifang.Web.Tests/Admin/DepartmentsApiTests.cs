using System.Net;
using System.Net.Http.Json;
using Suifang.Core.Data;
using Suifang.Testing;
using Suifang.Web.Admin.Departments;

namespace Suifang.Web.Tests.Admin;

public sealed class DepartmentsApiTests
{
    [Theory, ClassData(typeof(Providers))]
    public async Task The_admin_creates_and_edits_departments_whose_names_and_aliases_stay_unambiguous(DatabaseProvider provider)
    {
        await using var app = await SuifangWebFactory.StartAsync(provider);
        var admin = await AdminClients.AdminAsync(app);
        var campuses = await admin.GetFromJsonAsync<List<CampusView>>("/api/departments/campuses");
        var xnk = await AdminClients.DepartmentAsync(admin, "XNK", "心血管内科", "心内科；心内; 心内科");
        Assert.Equal("心内科;心内", xnk.Aliases);

        var clash = await admin.PostAsJsonAsync("/api/departments", new DepartmentInput("XN2", "心脏内科", "心内", campuses![0].Id));
        Assert.Equal(HttpStatusCode.BadRequest, clash.StatusCode);
        Assert.Contains("“心内”已经是科室“心血管内科”的名称或别名", await clash.Content.ReadAsStringAsync());
        var missing = await admin.PostAsJsonAsync("/api/departments", new DepartmentInput("", "", null, null));
        Assert.Contains("请填写科室代码", await missing.Content.ReadAsStringAsync());

        var edited = await admin.PutAsJsonAsync($"/api/departments/{xnk.Id}", new DepartmentInput("XNK", "心血管内科", "心内科;心内;CCU", campuses[0].Id, IsActive: false));
        var saved = (await edited.Content.ReadFromJsonAsync<DepartmentView>())!;
        Assert.False(saved.IsActive);
        Assert.Equal(campuses[0].Name, saved.CampusName);
        Assert.Equal("心内科;心内;CCU", saved.Aliases);

        var log = await admin.GetFromJsonAsync<Suifang.Core.Common.PagedResult<Suifang.Core.Audit.AuditEntry>>("/api/audit?entityType=Department");
        Assert.Equal(2, log!.Total);
        Assert.StartsWith("修改科室", log.Items[0].Summary);
    }
}
