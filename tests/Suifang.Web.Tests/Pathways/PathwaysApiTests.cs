using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Pathways.Presets;
using Suifang.Testing;
using Suifang.Web.Pathways;
using Suifang.Web.Tests.Admin;

namespace Suifang.Web.Tests.Pathways;

/// /api/pathways (5.1.5): lists by department, the same scope as the pages; doctors and admins write, nurses read.
public sealed class PathwaysApiTests
{
    private sealed record Clients(SuifangWebFactory App, HttpClient Admin, HttpClient CardiologyDoctor, HttpClient CardiologyNurse, HttpClient NeurologyNurse) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }

    private static async Task<Clients> StartAsync(DatabaseProvider provider)
    {
        var app = await SuifangWebFactory.StartAsync(provider);
        await StaffAccounts.EnsureDepartmentAsync(app.Services, "XNK", "心血管内科", "心内科");
        await StaffAccounts.EnsureDepartmentAsync(app.Services, "SJNK", "神经内科");
        await StaffAccounts.CreateAsync(app.Services, "ys.xnk", Roles.Doctor, "XNK");
        await StaffAccounts.CreateAsync(app.Services, "hs.xnk", Roles.Nurse, "XNK");
        await StaffAccounts.CreateAsync(app.Services, "hs.sjnk", Roles.Nurse, "SJNK");
        var admin = await AdminClients.AdminAsync(app);
        var loaded = await admin.PostAsync("/api/pathways/presets", null);
        Assert.Equal(PathwayPresets.All.Count, (await loaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("added").GetInt32());
        return new Clients(app, admin,
            await AdminClients.SignedInAsync(app, "ys.xnk", StaffAccounts.Password),
            await AdminClients.SignedInAsync(app, "hs.xnk", StaffAccounts.Password),
            await AdminClients.SignedInAsync(app, "hs.sjnk", StaffAccounts.Password));
    }

    private static async Task<List<JsonElement>> ListAsync(HttpClient client, string query = "") =>
        (await client.GetFromJsonAsync<List<JsonElement>>("/api/pathways" + query))!;

    private static async Task<int> IdOfAsync(HttpClient client, string key) =>
        (await ListAsync(client)).Single(r => r.GetProperty("key").GetString() == key).GetProperty("id").GetInt32();

    [Theory, ClassData(typeof(Providers))]
    public async Task A_nurse_of_another_department_can_neither_see_nor_edit_a_pathway(DatabaseProvider provider)
    {
        await using var c = await StartAsync(provider);
        var pci = await IdOfAsync(c.CardiologyDoctor, "pci");

        var neurology = await ListAsync(c.NeurologyNurse);
        Assert.Contains(neurology, r => r.GetProperty("key").GetString() == "stroke");
        Assert.DoesNotContain(neurology, r => r.GetProperty("departmentName").GetString() != "神经内科");
        var get = await c.NeurologyNurse.GetAsync($"/api/pathways/{pci}");
        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Contains("不在您负责的科室范围内", await get.Content.ReadAsStringAsync());
        var detail = await c.CardiologyDoctor.GetFromJsonAsync<JsonElement>($"/api/pathways/{pci}");
        var put = await c.NeurologyNurse.PutAsJsonAsync($"/api/pathways/{pci}", detail);
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_nurse_reads_her_departments_pathways_but_only_a_doctor_changes_them(DatabaseProvider provider)
    {
        await using var c = await StartAsync(provider);
        var pci = await IdOfAsync(c.CardiologyNurse, "pci");
        var detail = await c.CardiologyNurse.GetFromJsonAsync<JsonElement>($"/api/pathways/{pci}");
        Assert.Equal(6, detail.GetProperty("nodes").GetArrayLength());

        var byNurse = await c.CardiologyNurse.PostAsync($"/api/pathways/{pci}/archive", null);
        Assert.Equal(HttpStatusCode.Forbidden, byNurse.StatusCode);
        Assert.Contains("需要医生或管理员角色", await byNurse.Content.ReadAsStringAsync());

        var byDoctor = await c.CardiologyDoctor.PutAsJsonAsync($"/api/pathways/{pci}", Edited(detail, "PCI 术后随访（本院版）"));
        Assert.Equal(HttpStatusCode.OK, byDoctor.StatusCode);
        var saved = await byDoctor.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(saved.GetProperty("createdNewVersion").GetBoolean());
        Assert.Equal(pci, saved.GetProperty("id").GetInt32());
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Editing_a_used_version_answers_with_the_new_version_and_deleting_it_is_refused(DatabaseProvider provider)
    {
        await using var c = await StartAsync(provider);
        var pci = await IdOfAsync(c.CardiologyDoctor, "pci");
        await using (var scope = c.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SuifangDbContext>();
            await db.Pathways.Where(p => p.Id == pci).ExecuteUpdateAsync(s => s.SetProperty(p => p.FirstUsedAt, new DateTime(2026, 11, 1)));
        }
        var detail = await c.CardiologyDoctor.GetFromJsonAsync<JsonElement>($"/api/pathways/{pci}");
        Assert.True(detail.GetProperty("isUsed").GetBoolean());
        Assert.Equal(2, detail.GetProperty("nextVersion").GetInt32());

        var put = await c.CardiologyDoctor.PutAsJsonAsync($"/api/pathways/{pci}", Edited(detail, "PCI 术后随访 v2"));
        var saved = await put.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(saved.GetProperty("createdNewVersion").GetBoolean());
        Assert.Equal(2, saved.GetProperty("version").GetInt32());

        var delete = await c.CardiologyDoctor.DeleteAsync($"/api/pathways/{pci}");
        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        Assert.Contains("请点击“归档”", await delete.Content.ReadAsStringAsync());
        var versions = await ListAsync(c.CardiologyDoctor, "?name=" + Uri.EscapeDataString("PCI") + "&allVersions=true");
        Assert.Equal([2, 1], versions.Select(v => v.GetProperty("version").GetInt32()));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task The_list_filters_by_disease_code_name_and_version(DatabaseProvider provider)
    {
        await using var c = await StartAsync(provider);

        Assert.Equal(["pci"], (await ListAsync(c.Admin, "?disease=I21.9")).Select(r => r.GetProperty("key").GetString()));
        Assert.Equal(["copd"], (await ListAsync(c.Admin, "?disease=" + Uri.EscapeDataString("阻塞性"))).Select(r => r.GetProperty("key").GetString()));
        Assert.Equal(["thyroidectomy"], (await ListAsync(c.Admin, "?name=" + Uri.EscapeDataString("甲状腺"))).Select(r => r.GetProperty("key").GetString()));
        Assert.Empty(await ListAsync(c.Admin, "?version=2"));
        var invalid = await c.CardiologyDoctor.PostAsJsonAsync("/api/pathways", new { name = "", departmentId = 0, nodes = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("请至少添加一个随访节点", await invalid.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task At_start_a_hospital_with_departments_gets_the_presets_once()
    {
        await using var app = await SuifangWebFactory.StartAsync(DatabaseProvider.Sqlite);
        await StaffAccounts.EnsureDepartmentAsync(app.Services, "GK", "骨科");
        var startup = app.Services.GetServices<IHostedService>().OfType<PresetStartup>().Single();

        await startup.StartAsync(default);
        await startup.StartAsync(default);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SuifangDbContext>();
        Assert.Equal(PathwayPresets.All.Count, await db.Pathways.CountAsync());
        Assert.Equal("GK", await db.Pathways.Where(p => p.Key == "total-knee-arthroplasty").Join(db.Departments, p => p.DepartmentId, d => d.Id, (p, d) => d.Code).SingleAsync());
    }

    [Fact]
    public async Task The_pathway_api_is_in_the_openapi_document()
    {
        await using var app = await SuifangWebFactory.StartAsync(DatabaseProvider.Sqlite);
        var json = await app.CreateClient().GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/pathways/{id}/publish", json);
        Assert.Contains("随访路径", json);
    }

    /// The detail answered by GET, renamed, sent back as an update (PathwayInput shape).
    private static object Edited(JsonElement detail, string name) => new
    {
        name,
        departmentId = detail.GetProperty("departmentId").GetInt32(),
        diseaseCodes = detail.GetProperty("diseaseCodes").GetString(),
        diseaseNames = detail.GetProperty("diseaseNames").GetString(),
        revision = detail.GetProperty("revision").GetInt32(),
        nodes = detail.GetProperty("nodes"),
    };
}
