using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Plans.Rules;
using Suifang.Testing;

namespace Suifang.Web.Tests.Plans;

/// /api/plans: manual plans from list rows (5.1.3), the plan page's data, cancel with a reason, rules; scoped by department.
public sealed class PlansApiTests
{
    private static async Task<(HttpClient Nurse, HttpClient Outsider, long[] Encounters, int PathwayId)> SetUpAsync(SuifangWebFactory app)
    {
        var cardiology = await StaffAccounts.EnsureDepartmentAsync(app.Services, "XNK", "心血管内科");
        await StaffAccounts.EnsureDepartmentAsync(app.Services, "SJNK", "神经内科");
        await StaffAccounts.CreateAsync(app.Services, "nurse-plan", Roles.Nurse, "XNK");
        await StaffAccounts.CreateAsync(app.Services, "nurse-other", Roles.Nurse, "SJNK");
        int pathwayId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SuifangDbContext>();
            var hospital = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(db.Hospitals);
            pathwayId = (await TestPathways.AddAsync(db, TestPathways.Pci(hospital.Id, cardiology.Id)))[0].Id;
        }
        var soon = DateTime.Today.AddDays(-1).AddHours(10);
        var a = await HostPatients.AddAsync(app.Services, p => p.Named("甲患者").DischargedOn(soon, cardiology.Id).WithDiagnosis("I21.9", "急性心肌梗死"));
        var b = await HostPatients.AddAsync(app.Services, p => p.Named("乙患者").DischargedOn(soon, cardiology.Id).WithDiagnosis("I25.1", "冠心病"));
        var nurse = app.CreateClient(new() { AllowAutoRedirect = false });
        await StaffAccounts.LoginAsync(nurse, "nurse-plan", StaffAccounts.Password);
        var outsider = app.CreateClient(new() { AllowAutoRedirect = false });
        await StaffAccounts.LoginAsync(outsider, "nurse-other", StaffAccounts.Password);
        return (nurse, outsider, [a.Encounters[0].Id, b.Encounters[0].Id], pathwayId);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_nurse_previews_creates_reads_and_cancels_plans_and_another_department_is_refused(DatabaseProvider provider)
    {
        await using var app = await SuifangWebFactory.StartAsync(provider);
        var (nurse, outsider, encounters, pathwayId) = await SetUpAsync(app);
        var body = new { encounterIds = encounters, pathwayIds = new[] { pathwayId }, redials = 3, removedSteps = new[] { 3 } };

        var preview = await nurse.PostAsJsonAsync("/api/plans/preview", body);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var previewed = await preview.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, previewed.GetArrayLength());
        Assert.Equal(JsonValueKind.Null, previewed[0].GetProperty("planId").ValueKind);
        Assert.Equal(2, previewed[0].GetProperty("steps").GetArrayLength());

        var created = await (await nurse.PostAsJsonAsync("/api/plans", body)).Content.ReadFromJsonAsync<JsonElement>();
        var planId = created[0].GetProperty("planId").GetInt64();
        Assert.StartsWith("/plans/", created[0].GetProperty("url").GetString());

        var list = await nurse.GetFromJsonAsync<JsonElement>("/api/plans?status=Active");
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        var detail = await nurse.GetFromJsonAsync<JsonElement>($"/api/plans/{planId}");
        Assert.Contains("出院后", detail.GetProperty("goal").GetString());
        Assert.Equal(2, detail.GetProperty("steps").GetArrayLength());
        // Each step's content (its node's, read through the node it refers to) is part of the step view.
        Assert.All(detail.GetProperty("steps").EnumerateArray(), s => Assert.True(s.GetProperty("questions").GetArrayLength() > 0 && s.GetProperty("channels").GetArrayLength() > 0));
        Assert.Contains(detail.GetProperty("plan").GetProperty("mergeNotes").EnumerateArray(), n => n.GetString()!.Contains("去掉了第 3 步"));

        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync($"/api/plans/{planId}")).StatusCode);
        var outsiderCreate = await outsider.PostAsJsonAsync("/api/plans", body);
        Assert.Equal(HttpStatusCode.Forbidden, outsiderCreate.StatusCode);
        Assert.Contains("科室", await outsiderCreate.Content.ReadAsStringAsync());

        var noReason = await nurse.PostAsJsonAsync($"/api/plans/{planId}/cancel", new { reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("请填写取消原因", await noReason.Content.ReadAsStringAsync());
        var cancelled = await nurse.PostAsJsonAsync($"/api/plans/{planId}/cancel", new { reason = "患者已转院" });
        // The first step's task; the second step's task is made only when it comes near, and the pre-call SMS notice
        // (it goes out in two days) by the plan job shortly before (PreCallNotices).
        Assert.Equal(1, (await cancelled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cancelledTasks").GetInt32());
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Bad_requests_are_explained_in_chinese_and_default_rules_are_seeded(DatabaseProvider provider)
    {
        await using var app = await SuifangWebFactory.StartAsync(provider);
        var (nurse, _, _, _) = await SetUpAsync(app);

        var empty = await nurse.PostAsJsonAsync("/api/plans", new { encounterIds = Array.Empty<long>(), pathwayIds = Array.Empty<int>() });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var text = await empty.Content.ReadAsStringAsync();
        Assert.Contains("请先在患者列表中勾选", text);
        Assert.Contains("请选择随访路径", text);

        var rules = await nurse.GetFromJsonAsync<JsonElement>("/api/plans/rules");
        Assert.Equal(DefaultPlanRules.Presets.Count, rules.GetArrayLength());
        var hospitalWide = await nurse.PostAsJsonAsync("/api/plans/rules", new { name = "全院规则", diagnosisCodes = "I10", pathwayKey = "pci", enabled = true });
        Assert.Equal(HttpStatusCode.BadRequest, hospitalWide.StatusCode);
        Assert.Contains("只能为本人所属的科室设置规则", await hospitalWide.Content.ReadAsStringAsync());
        var badCode = await nurse.PostAsJsonAsync("/api/plans/rules", new { name = "x", diagnosisCodes = "心梗", pathwayKey = "pci", enabled = true });
        Assert.Contains("不像 ICD-10 编码", await badCode.Content.ReadAsStringAsync());
    }
}
