using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MiniExcelLibs;
using Suifang.Core.Accounts;
using Suifang.Core.Common;
using Suifang.Core.Data;
using Suifang.Testing;
using Suifang.Testing.Quality;
using Suifang.Web.Tests.Admin;

namespace Suifang.Web.Tests.Quality;

/// /api/quality (7.2.5.2): the review queue scoped to the reviewer's departments, a review through the API, and the
/// report with its xlsx export.
public sealed class QualityApiTests
{
    [Theory, ClassData(typeof(Providers))]
    public async Task A_nurse_reviews_a_sampled_call_of_her_department_and_the_report_and_its_workbook_show_the_accuracy(DatabaseProvider provider)
    {
        await using var app = await SuifangWebFactory.StartAsync(provider, new Dictionary<string, string?> { ["Tasks:DispatcherEnabled"] = "false" });
        var cardiology = await StaffAccounts.EnsureDepartmentAsync(app.Services, "XNK", "心血管内科");
        await StaffAccounts.EnsureDepartmentAsync(app.Services, "SJNK", "神经内科");
        await StaffAccounts.CreateAsync(app.Services, "hs.qc", Roles.Nurse, "XNK");
        await StaffAccounts.CreateAsync(app.Services, "hs.other", Roles.Nurse, "SJNK");
        var now = HospitalClock.ChinaStandard().Now;
        var patient = await HostPatients.AddAsync(app.Services, p => p.DischargedOn(now.AddDays(-3), cardiology.Id));
        var calls = await HostQuality.CallsAsync(app.Services, cardiology.Id, now);
        var sampleId = await HostQuality.SampledCallAsync(app.Services, calls, patient.Id, cardiology.Id, now.AddHours(-1), QualityCalls.Complete());
        var nurse = await AdminClients.SignedInAsync(app, "hs.qc", StaffAccounts.Password);
        var other = await AdminClients.SignedInAsync(app, "hs.other", StaffAccounts.Password);

        var queue = await nurse.GetFromJsonAsync<JsonElement>("/api/quality/queue");
        Assert.Equal(sampleId, Assert.Single(queue.EnumerateArray()).GetProperty("sampleId").GetInt64());
        Assert.Empty((await other.GetFromJsonAsync<JsonElement>("/api/quality/queue")).EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/quality/samples/{sampleId}")).StatusCode);

        var body = new
        {
            answers = new object[] { new { questionKey = "temperature", correct = true }, new { questionKey = "wound_redness", correct = false, correctValue = "no" } },
            findings = Array.Empty<object>(),
            note = "伤口那句听错了",
        };
        var refused = await other.PostAsJsonAsync($"/api/quality/samples/{sampleId}/review", body);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("科室", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await nurse.PostAsJsonAsync($"/api/quality/samples/{sampleId}/review", body)).StatusCode);

        var report = await nurse.GetFromJsonAsync<JsonElement>("/api/quality/report");
        var understanding = report.GetProperty("understanding");
        Assert.Equal((1, 2), (understanding.GetProperty("hits").GetInt32(), understanding.GetProperty("total").GetInt32()));
        var xlsx = await nurse.GetAsync("/api/quality/report.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var rows = (await xlsx.Content.ReadAsStreamAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var row = Assert.Single(rows);
        Assert.Equal("心血管内科", row["科室"]);
        Assert.Equal("1/2", row["理解正确/复核"]);
    }
}
