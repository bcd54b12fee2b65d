using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Scripts;
using Suifang.Core.Scripts.Templates;
using Suifang.Testing;
using Suifang.Web.Tests.Admin;

namespace Suifang.Web.Tests.Scripts;

/// /api/scripts: the same department scope as the pages, checks before publishing, refusals in Chinese, audited changes.
public sealed class ScriptsApiTests
{
    private sealed record Clients(SuifangWebFactory App, HttpClient Admin, HttpClient CardiologyNurse, HttpClient NeurologyNurse, HttpClient Supervisor) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }

    private static async Task<Clients> StartAsync(DatabaseProvider provider)
    {
        var app = await SuifangWebFactory.StartAsync(provider);
        await StaffAccounts.EnsureDepartmentAsync(app.Services, "XNK", "心血管内科", "心内科");
        await StaffAccounts.EnsureDepartmentAsync(app.Services, "SJNK", "神经内科");
        await StaffAccounts.CreateAsync(app.Services, "hs.xnk", Roles.Nurse, "XNK");
        await StaffAccounts.CreateAsync(app.Services, "hs.sjnk", Roles.Nurse, "SJNK");
        await StaffAccounts.CreateAsync(app.Services, "jg", Roles.Supervisor);
        var admin = await AdminClients.AdminAsync(app);
        var loaded = await admin.PostAsync("/api/scripts/templates", null);
        Assert.Equal(ScriptTemplates.All.Count, (await loaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("added").GetInt32());
        return new Clients(app, admin,
            await AdminClients.SignedInAsync(app, "hs.xnk", StaffAccounts.Password),
            await AdminClients.SignedInAsync(app, "hs.sjnk", StaffAccounts.Password),
            await AdminClients.SignedInAsync(app, "jg", StaffAccounts.Password));
    }

    private static async Task<List<JsonElement>> ListAsync(HttpClient client, string query = "") =>
        (await client.GetFromJsonAsync<List<JsonElement>>("/api/scripts" + query))!;

    private static async Task<int> IdOfAsync(HttpClient client, string key) =>
        (await ListAsync(client)).Single(r => r.GetProperty("key").GetString() == key).GetProperty("id").GetInt32();

    [Theory, ClassData(typeof(Providers))]
    public async Task A_nurse_sees_and_changes_only_her_department_s_scripts(DatabaseProvider provider)
    {
        await using var c = await StartAsync(provider);
        var pci = await IdOfAsync(c.CardiologyNurse, "pci-discharge");

        var neurology = await ListAsync(c.NeurologyNurse);
        var get = await c.NeurologyNurse.GetAsync($"/api/scripts/{pci}");
        var publishOther = await c.NeurologyNurse.PostAsync($"/api/scripts/{pci}/archive", null);
        var outpatient = await ListAsync(c.Admin, "?purpose=Outpatient");

        Assert.Contains(neurology, r => r.GetProperty("key").GetString() == "stroke-discharge");
        Assert.All(neurology, r => Assert.Equal("神经内科", r.GetProperty("departmentName").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Contains("不在您负责的科室范围内", await get.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, publishOther.StatusCode);
        Assert.All(outpatient, r => Assert.Equal("Outpatient", r.GetProperty("purpose").GetString()));
        Assert.Contains(outpatient, r => r.GetProperty("key").GetString() == "hypertension-outpatient");
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_script_without_AI_disclosure_is_saved_as_a_draft_but_not_published_and_the_change_is_audited(DatabaseProvider provider)
    {
        await using var c = await StartAsync(provider);
        var pci = await IdOfAsync(c.CardiologyNurse, "pci-discharge");
        var detail = (await c.CardiologyNurse.GetFromJsonAsync<JsonElement>($"/api/scripts/{pci}")).GetProperty("detail");
        var json = detail.GetProperty("json").GetString()!.Replace("我是{hospital}的AI智能随访助手", "这里是{hospital}随访中心");
        var body = new { name = "PCI 术后随访（改）", departmentId = detail.GetProperty("departmentId").GetInt32(), purpose = "Discharge", json };

        var copy = await c.CardiologyNurse.PostAsync($"/api/scripts/{pci}/copy", null);
        var copyId = (await copy.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var put = await c.CardiologyNurse.PutAsJsonAsync($"/api/scripts/{copyId}", body);
        var publish = await c.CardiologyNurse.PostAsync($"/api/scripts/{copyId}/publish", null);
        var supervisorEdit = await c.Supervisor.PutAsJsonAsync($"/api/scripts/{copyId}", body);
        var deleteTemplate = await c.CardiologyNurse.DeleteAsync($"/api/scripts/{pci}");

        Assert.Equal(HttpStatusCode.Created, copy.StatusCode);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, publish.StatusCode);
        Assert.Contains("没有说明是AI智能助手", await publish.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, supervisorEdit.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, deleteTemplate.StatusCode);
        Assert.Contains("是系统模板，不能删除", await deleteTemplate.Content.ReadAsStringAsync());
        await using var scope = c.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SuifangDbContext>();
        Assert.Equal(ScriptStatus.Draft, (await db.Scripts.SingleAsync(s => s.Id == copyId)).Status);
        var audit = await db.AuditLog.Where(a => a.EntityType == "Script").Select(a => a.Summary).ToListAsync();
        Assert.Contains(audit, s => s.StartsWith("复制话术："));
        Assert.Contains(audit, s => s.StartsWith("修改话术："));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task The_check_endpoint_lists_the_problems_of_unsaved_content_in_Chinese(DatabaseProvider provider)
    {
        await using var c = await StartAsync(provider);
        var json = """{ "opening": "您好", "identityCheck": "您是本人吗？", "closing": "再见", "questions": [ { "key": "a", "text": "好吗？", "branches": [ { "when": "yes", "goto": "b" } ] } ] }""";

        var report = await (await c.CardiologyNurse.PostAsJsonAsync("/api/scripts/check", new { json })).Content.ReadFromJsonAsync<JsonElement>();

        var messages = report.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("message").GetString()!).ToList();
        Assert.Contains(messages, m => m.Contains("AI智能助手"));
        Assert.Contains(messages, m => m.Contains("“b”"));
        Assert.False(report.GetProperty("publishable").GetBoolean());
    }
}
