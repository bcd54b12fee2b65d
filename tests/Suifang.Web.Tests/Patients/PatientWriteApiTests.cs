using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Testing;

namespace Suifang.Web.Tests.Patients;

public sealed class PatientWriteApiTests
{
    private static object Patient(string name = "张建国", string phone = "13812345678", string department = "心内科") => new
    {
        name,
        gender = "男",
        phone,
        encounter = new
        {
            visitType = "出院",
            visitNumber = "ZY001",
            department,
            visitAt = "2026-11-03T09:30:00",
            dischargeAt = "2026-11-10T10:00:00",
            primaryDiagnosisCode = "I21.9",
            primaryDiagnosisName = "急性心肌梗死",
        },
    };

    private static async Task<(SuifangWebFactory App, HttpClient Nurse)> StartAsync(DatabaseProvider provider)
    {
        var app = await SuifangWebFactory.StartAsync(provider);
        await StaffAccounts.EnsureDepartmentAsync(app.Services, "XNK", "心血管内科", "心内科");
        await StaffAccounts.EnsureDepartmentAsync(app.Services, "NFMK", "内分泌科");
        await StaffAccounts.CreateAsync(app.Services, "nurse-xnk", Roles.Nurse, "XNK");
        var nurse = app.CreateClient(new() { AllowAutoRedirect = false });
        await StaffAccounts.LoginAsync(nurse, "nurse-xnk", StaffAccounts.Password);
        return (app, nurse);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_nurse_registers_a_patient_and_a_second_registration_points_to_the_existing_one(DatabaseProvider provider)
    {
        var (app, nurse) = await StartAsync(provider);
        await using var _ = app;

        var created = await nurse.PostAsJsonAsync("/api/patients", Patient());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        var again = await nurse.PostAsJsonAsync("/api/patients", Patient());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var problem = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("这位患者已存在", problem.GetProperty("detail").GetString());
        Assert.Equal(id, problem.GetProperty("existingPatientId").GetInt64());
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Field_errors_come_back_in_chinese_one_per_field(DatabaseProvider provider)
    {
        var (app, nurse) = await StartAsync(provider);
        await using var _ = app;

        var response = await nurse.PostAsJsonAsync("/api/patients", Patient(name: "", phone: "123"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("不能为空", errors.GetProperty("姓名")[0].GetString());
        Assert.Contains("11 位手机号", errors.GetProperty("手机号")[0].GetString());
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_nurse_cannot_register_a_patient_in_another_department(DatabaseProvider provider)
    {
        var (app, nurse) = await StartAsync(provider);
        await using var _ = app;

        var response = await nurse.PostAsJsonAsync("/api/patients", Patient(department: "内分泌科"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("不在您的科室范围内", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_researcher_is_told_in_chinese_that_the_role_cannot_register_patients()
    {
        var (app, _) = await StartAsync(DatabaseProvider.Sqlite);
        await using var __ = app;
        await StaffAccounts.CreateAsync(app.Services, "researcher1", Roles.Researcher);
        var researcher = app.CreateClient(new() { AllowAutoRedirect = false });
        await StaffAccounts.LoginAsync(researcher, "researcher1", StaffAccounts.Password);

        var response = await researcher.PostAsJsonAsync("/api/patients", Patient());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("您的角色不能登记", await response.Content.ReadAsStringAsync());
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Deleting_needs_a_reason_keeps_it_in_the_audit_log_and_frees_the_person_for_a_new_record(DatabaseProvider provider)
    {
        var (app, nurse) = await StartAsync(provider);
        await using var _ = app;
        var id = (await (await nurse.PostAsJsonAsync("/api/patients", Patient())).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.BadRequest, (await nurse.DeleteAsync($"/api/patients/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await nurse.DeleteAsync($"/api/patients/{id}?reason=重复建档")).StatusCode);
        var again = await nurse.PostAsJsonAsync("/api/patients", Patient());
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SuifangDbContext>();
        Assert.Contains(await db.AuditLog.Select(a => a.Summary).ToListAsync(), s => s.Contains("原因：重复建档"));
        Assert.Equal(1, await db.Patients.CountAsync());
        Assert.Equal(2, await db.Patients.IgnoreQueryFilters().CountAsync());
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task An_inpatient_is_discharged_by_editing_the_encounter_and_edits_keep_numbers_left_empty(DatabaseProvider provider)
    {
        var (app, nurse) = await StartAsync(provider);
        await using var _ = app;
        var id = (await (await nurse.PostAsJsonAsync("/api/patients", Patient())).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        var added = await nurse.PostAsJsonAsync($"/api/patients/{id}/encounters", new
        {
            visitType = "住院", visitNumber = "ZY002", department = "心血管内科", visitAt = "2026-11-20T08:00:00",
            primaryDiagnosisCode = "I50.9", primaryDiagnosisName = "心力衰竭",
        });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var edited = await nurse.PutAsJsonAsync($"/api/patients/{id}", new { name = "张建国", gender = "男", familyContactName = "张丽" });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SuifangDbContext>();
        var stay = await db.Encounters.SingleAsync(e => e.VisitNumber == "ZY002");
        var discharge = await nurse.PutAsJsonAsync($"/api/patients/{id}/encounters/{stay.Id}", new
        {
            visitType = "出院", visitNumber = "ZY002", department = "心血管内科", visitAt = "2026-11-20T08:00:00", dischargeAt = "2026-11-27T09:00:00",
            primaryDiagnosisCode = "I50.9", primaryDiagnosisName = "心力衰竭",
        });
        Assert.Equal(HttpStatusCode.OK, discharge.StatusCode);
        var patient = await db.Patients.AsNoTracking().Include(p => p.Encounters).SingleAsync();
        Assert.Equal(("张丽", "138****5678"), (patient.FamilyContactName, patient.PhoneMasked));
        Assert.Equal(Suifang.Core.Patients.VisitType.Discharged, patient.Encounters.Single(e => e.VisitNumber == "ZY002").VisitType);
    }
}
