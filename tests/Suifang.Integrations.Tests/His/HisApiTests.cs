using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Patients.HisSync;
using Suifang.Testing;
using Suifang.Web.His;

namespace Suifang.Integrations.Tests.His;

public sealed class HisApiTests
{
    [Theory, ClassData(typeof(Providers))]
    public async Task A_nurse_starts_a_sync_of_the_demo_HIS_and_follows_it_to_the_end(DatabaseProvider provider)
    {
        await using var app = await SuifangWebFactory.StartAsync(provider);
        await StaffAccounts.EnsureDepartmentAsync(app.Services, "XNK", "心血管内科", "心内科");
        await StaffAccounts.EnsureDepartmentAsync(app.Services, "EK", "儿科");
        await StaffAccounts.CreateAsync(app.Services, "nurse-his", Roles.Nurse, "XNK");
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        await StaffAccounts.LoginAsync(client, "nurse-his", StaffAccounts.Password);

        var started = await client.PostAsync("/api/his/sync", null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var runId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetGuid();
        Assert.Equal($"/api/his/runs/{runId}", started.Headers.Location!.OriginalString);
        var run = await UntilFinishedAsync(client, runId);

        Assert.Equal("已完成", run.Status);
        Assert.Equal("手动", run.Trigger);
        Assert.True(run.PatientsCreated > 0);
        Assert.Equal(0, run.RejectedResources);
        var runs = await client.GetFromJsonAsync<List<HisRunView>>("/api/his/runs");
        Assert.Equal(runId, Assert.Single(runs!).Id);
        var status = await client.GetFromJsonAsync<JsonElement>("/api/his");
        Assert.Equal("demo", status.GetProperty("source").GetString());
        Assert.Equal(run.ReachedWatermark, status.GetProperty("watermark").GetDateTime());
    }

    [Fact]
    public async Task A_second_sync_is_refused_with_409_while_one_runs_and_only_care_staff_may_start_one()
    {
        var hospitalNow = DateTime.UtcNow.AddHours(8); // Asia/Shanghai
        var held = new ScriptedSource(ScriptedSource.Batch(hospitalNow.AddMinutes(-1), 1)) { Hold = new(TaskCreationOptions.RunContinuationsAsynchronously) };
        await using var root = await SuifangWebFactory.StartAsync(DatabaseProvider.Sqlite);
        var app = root.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IHisSource>(held)));
        await StaffAccounts.EnsureDepartmentAsync(app.Services, "XNK", "心血管内科", "心内科");
        await StaffAccounts.CreateAsync(app.Services, "doctor-his", Roles.Doctor, "XNK");
        await StaffAccounts.CreateAsync(app.Services, "researcher-his", Roles.Researcher);
        await StaffAccounts.CreateAsync(app.Services, "supervisor-his", Roles.Supervisor);
        var doctor = await LoggedInAsync(app, "doctor-his");
        var researcher = await LoggedInAsync(app, "researcher-his");
        var supervisor = await LoggedInAsync(app, "supervisor-his");

        var first = await doctor.PostAsync("/api/his/sync", null);
        await held.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var second = await doctor.PostAsync("/api/his/sync", null);
        var byResearcher = await researcher.PostAsync("/api/his/sync", null);
        var bySupervisor = await supervisor.PostAsync("/api/his/sync", null);
        var supervisorView = await supervisor.GetAsync("/api/his/runs");
        var researcherView = await researcher.GetAsync("/api/his/runs");
        held.Hold!.SetResult();
        var runId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetGuid();
        var run = await UntilFinishedAsync(doctor, runId);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("HIS 同步正在进行中", await second.Content.ReadAsStringAsync());
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (byResearcher.StatusCode, bySupervisor.StatusCode));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Forbidden), (supervisorView.StatusCode, researcherView.StatusCode));
        Assert.Equal(("已完成", 1), (run.Status, run.PatientsCreated));
    }

    private static async Task<HttpClient> LoggedInAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app, string user)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        await StaffAccounts.LoginAsync(client, user, StaffAccounts.Password);
        return client;
    }

    private static async Task<HisRunView> UntilFinishedAsync(HttpClient client, Guid runId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var run = (await client.GetFromJsonAsync<HisRunView>($"/api/his/runs/{runId}"))!;
            if (run.Status != "进行中" || DateTime.UtcNow > deadline)
                return run;
            await Task.Delay(100);
        }
    }
}
