using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suifang.Core.Accounts;
using Suifang.Core.Calls;
using Suifang.Core.Data;
using Suifang.Testing;
using Suifang.Web.Tests.Admin;

namespace Suifang.Web.Tests.ManualFollowUp;

/// /api/manual (5.1.4 人工随访): the work queue, claims, the recording form, records and templates — scoped to the
/// caller's departments; opening a form, showing a number and saving a record are audited. The dispatcher is off: the
/// tests dispatch with the host's own engine, so the manual channel registered by the host is the one that runs.
public sealed class ManualApiTests
{
    private sealed record World(SuifangWebFactory App, HttpClient Nurse, HttpClient Colleague, HttpClient CardiologyNurse, int Psychiatry) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }

    private static async Task<World> StartAsync(DatabaseProvider provider)
    {
        var app = await SuifangWebFactory.StartAsync(provider, new Dictionary<string, string?> { ["Tasks:DispatcherEnabled"] = "false" });
        var psychiatry = await ManualTasks.PsychiatryAsync(app.Services);
        await ManualTasks.AllowCallsAllDayAsync(app.Services);
        await StaffAccounts.EnsureDepartmentAsync(app.Services, "XNK", "心血管内科");
        await StaffAccounts.CreateAsync(app.Services, "hs.jsk", Roles.Nurse, "JSK");
        await StaffAccounts.CreateAsync(app.Services, "hs.jsk2", Roles.Nurse, "JSK");
        await StaffAccounts.CreateAsync(app.Services, "hs.xnk", Roles.Nurse, "XNK");
        return new World(app, await AdminClients.SignedInAsync(app, "hs.jsk", StaffAccounts.Password),
            await AdminClients.SignedInAsync(app, "hs.jsk2", StaffAccounts.Password),
            await AdminClients.SignedInAsync(app, "hs.xnk", StaffAccounts.Password), psychiatry);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_nurse_of_another_department_neither_sees_nor_claims_opens_reveals_or_records_the_task(DatabaseProvider provider)
    {
        await using var w = await StartAsync(provider);
        var task = await ManualTasks.QueueAsync(w.App.Services, w.Psychiatry);
        var entry = await ManualTasks.EntryAsync(w.App.Services, task.Id);

        Assert.Single(await w.Nurse.GetFromJsonAsync<List<JsonElement>>("/api/manual/queue") ?? []);
        Assert.Empty(await w.CardiologyNurse.GetFromJsonAsync<List<JsonElement>>("/api/manual/queue") ?? []);
        Assert.Empty(await w.CardiologyNurse.GetFromJsonAsync<List<JsonElement>>($"/api/manual/queue?departmentId={w.Psychiatry}") ?? []);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.CardiologyNurse.PostAsync($"/api/manual/queue/{entry}/claim", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.CardiologyNurse.GetAsync($"/api/manual/queue/{entry}/form")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.CardiologyNurse.PostAsync($"/api/manual/queue/{entry}/reveal", null)).StatusCode);
        var record = await w.CardiologyNurse.PostAsJsonAsync($"/api/manual/queue/{entry}/record", new { contact = "Deceased" });
        Assert.Equal(HttpStatusCode.Forbidden, record.StatusCode);
        Assert.Contains("不属于您负责的科室", await record.Content.ReadAsStringAsync());
        Assert.Empty(await w.CardiologyNurse.GetFromJsonAsync<List<JsonElement>>($"/api/manual/records?patientId={task.PatientId}") ?? []);

        await using var scope = w.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SuifangDbContext>();
        Assert.True(await db.AuditLog.AnyAsync(a => a.UserName == "hs.xnk" && a.EntityType == "ManualFollowUp" && a.Summary.Contains("被拒绝")));
        Assert.Equal(0, await db.ManualRecords.CountAsync());
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_claimed_call_is_recorded_with_audit_and_the_answers_join_the_patients_follow_up_history(DatabaseProvider provider)
    {
        await using var w = await StartAsync(provider);
        var task = await ManualTasks.QueueAsync(w.App.Services, w.Psychiatry);
        var entry = await ManualTasks.EntryAsync(w.App.Services, task.Id);

        Assert.Equal(HttpStatusCode.OK, (await w.Nurse.PostAsync($"/api/manual/queue/{entry}/claim", null)).StatusCode);
        var taken = await w.Colleague.PostAsync($"/api/manual/queue/{entry}/claim", null);
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Contains("正在拨打这位患者", await taken.Content.ReadAsStringAsync());

        var form = await w.Nurse.GetFromJsonAsync<JsonElement>($"/api/manual/queue/{entry}/form");
        Assert.Equal("139****5678", form.GetProperty("patient").GetProperty("phoneMasked").GetString());
        var keys = form.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("key").GetString()).ToList();
        Assert.Contains("self_harm_thoughts", keys);
        Assert.Contains("follow_up_visit", keys);
        var numbers = await (await w.Nurse.PostAsync($"/api/manual/queue/{entry}/reveal", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("13912345678", numbers.GetProperty("phone").GetString());

        var answers = new Dictionary<string, string>
        {
            ["mood_low"] = "是", ["mood_score"] = "2", ["sleep_quality"] = "入睡困难", ["medication_adherence"] = "按时服用",
            ["medication_side_effect"] = "否", ["self_harm_thoughts"] = "否", ["harm_to_others"] = "否", ["hallucinations"] = "否", ["follow_up_visit"] = "是",
        };
        var saved = await w.Nurse.PostAsJsonAsync($"/api/manual/queue/{entry}/record", new { contact = "FamilyAnswered", respondent = "女儿", answers });
        var body = await saved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(1, body.GetProperty("todos").GetInt32());   // mood score ≤ 3

        var history = await w.Nurse.GetFromJsonAsync<List<JsonElement>>($"/api/manual/records?patientId={task.PatientId}") ?? [];
        Assert.Equal("家属代答", Assert.Single(history).GetProperty("contact").GetString());
        Assert.Empty(await w.Nurse.GetFromJsonAsync<List<JsonElement>>("/api/manual/queue") ?? []);
        await using var scope = w.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SuifangDbContext>();
        Assert.Equal(answers.Count, await db.FollowUpResults.CountAsync(r => r.PatientId == task.PatientId && r.Source == ResultSource.Manual));
        var audit = await db.AuditLog.Where(a => a.UserName == "hs.jsk").Select(a => a.Action + ":" + a.EntityType).ToListAsync();
        Assert.Contains("view:ManualFollowUp", audit);
        Assert.Contains("reveal:Patient", audit);
        Assert.Contains("create:ManualRecord", audit);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_nurse_saves_templates_for_her_department_only_and_hears_what_to_fix(DatabaseProvider provider)
    {
        await using var w = await StartAsync(provider);
        var form = new
        {
            name = "精神科电话随访（简版）", departmentId = w.Psychiatry,
            questions = new[] { new { key = "sleep_quality", text = "睡得怎么样？", kind = "Choice", choices = "好;不好", required = true } },
        };
        Assert.Equal(HttpStatusCode.OK, (await w.Nurse.PostAsJsonAsync("/api/manual/templates", form)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.CardiologyNurse.PostAsJsonAsync("/api/manual/templates", form)).StatusCode);
        var hospitalWide = new { form.name, departmentId = (int?)null, form.questions };
        Assert.Equal(HttpStatusCode.Forbidden, (await w.Nurse.PostAsJsonAsync("/api/manual/templates", hospitalWide)).StatusCode);
        var bad = await w.Nurse.PostAsJsonAsync("/api/manual/templates", new { name = "", departmentId = w.Psychiatry, questions = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("请填写模板名称", await bad.Content.ReadAsStringAsync());

        var mine = await w.Nurse.GetFromJsonAsync<List<JsonElement>>("/api/manual/templates") ?? [];
        Assert.Contains(mine, t => t.GetProperty("name").GetString() == "精神科电话随访（简版）");
        Assert.Contains(mine, t => t.GetProperty("department").GetString() == "全院通用");
        var theirs = await w.CardiologyNurse.GetFromJsonAsync<List<JsonElement>>("/api/manual/templates") ?? [];
        Assert.DoesNotContain(theirs, t => t.GetProperty("department").GetString() == "精神科");
    }
}
