using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suifang.Core.Accounts;
using Suifang.Core.Contact;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Tasks;
using Suifang.Testing;
using Suifang.Web.Contact;
using Suifang.Web.Tests.Admin;

namespace Suifang.Web.Tests.Contact;

public sealed class ContactApiTests
{
    [Theory, ClassData(typeof(Providers))]
    public async Task The_admin_edits_calling_hours_with_Chinese_validation_and_other_roles_may_not(DatabaseProvider provider)
    {
        await using var app = await SuifangWebFactory.StartAsync(provider);
        await StaffAccounts.EnsureDepartmentAsync(app.Services, "XNK", "心血管内科");
        var admin = await AdminClients.AdminAsync(app);
        var settings = (await admin.GetFromJsonAsync<ContactSettingsView>("/api/contact/settings"))!;
        Assert.Equal("09:00-11:30,14:00-20:00", settings.Settings.CallingHours[0]);
        Assert.Contains(settings.Holidays, h => h.Date == new DateOnly(2026, 10, 1) && h.Name == "国庆节");

        var hours = settings.Settings.CallingHours.ToList();
        hours[2] = "14:00-11:30";
        var bad = await admin.PutAsJsonAsync("/api/contact/settings", settings.Settings with { CallingHours = hours });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("星期三的时间段 14:00-11:30 结束时间早于开始时间", await bad.Content.ReadAsStringAsync());

        hours[2] = "08:30-12:00";
        var good = await admin.PutAsJsonAsync("/api/contact/settings", settings.Settings with { CallingHours = hours, NoRepeatDays = 5 });
        good.EnsureSuccessStatusCode();
        Assert.Equal(5, (await good.Content.ReadFromJsonAsync<ContactSettingsView>())!.Settings.NoRepeatDays);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync("/api/contact/settings/holidays", new HolidayInput(new DateOnly(2027, 2, 9), "春节"))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/contact/settings/holidays/2027-02-09")).StatusCode);

        await StaffAccounts.CreateAsync(app.Services, "nurse.c", Roles.Nurse, "XNK");
        var nurse = await AdminClients.SignedInAsync(app, "nurse.c", StaffAccounts.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await nurse.GetAsync("/api/contact/settings")).StatusCode);
        Assert.IsAssignableFrom<IContactGate>(app.Services.GetRequiredService<IContactGate>());
    }

    [Fact]
    public async Task A_nurse_puts_a_number_on_the_do_not_call_list_and_the_open_tasks_of_everyone_using_it_are_cancelled()
    {
        await using var app = await SuifangWebFactory.StartAsync(DatabaseProvider.Sqlite);
        var xnk = await StaffAccounts.EnsureDepartmentAsync(app.Services, "XNK", "心血管内科");
        var sjnk = await StaffAccounts.EnsureDepartmentAsync(app.Services, "SJNK", "神经内科");
        var day = new DateTime(2026, 11, 20, 10, 0, 0);
        var a = await HostPatients.AddAsync(app.Services, b => b.Named("甲").WithPhone("13700001234").DischargedOn(day, xnk.Id));
        var c = await HostPatients.AddAsync(app.Services, b => b.Named("乙").WithPhone("13700001234").DischargedOn(day, sjnk.Id));
        await AddTaskAsync(app, a.Id, xnk.Id);
        await AddTaskAsync(app, c.Id, sjnk.Id);
        await StaffAccounts.CreateAsync(app.Services, "nurse.d", Roles.Nurse, "XNK");
        await StaffAccounts.CreateAsync(app.Services, "sup.d", Roles.Supervisor);
        var nurse = await AdminClients.SignedInAsync(app, "nurse.d", StaffAccounts.Password);
        var supervisor = await AdminClients.SignedInAsync(app, "sup.d", StaffAccounts.Password);

        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostAsJsonAsync("/api/contact/do-not-call", new DoNotContactInput(null, "13700001234", "要求"))).StatusCode);
        var missing = await nurse.PostAsJsonAsync("/api/contact/do-not-call", new DoNotContactInput(null, "13700001234", ""));
        Assert.Contains("请填写原因", await missing.Content.ReadAsStringAsync());
        var added = await nurse.PostAsJsonAsync("/api/contact/do-not-call", new DoNotContactInput(null, "137-0000-1234", "家属要求不再来电"));
        Assert.Equal(2, (await added.Content.ReadFromJsonAsync<ContactOutcome>())!.CancelledTasks);

        var found = await nurse.GetFromJsonAsync<List<DoNotContactView>>("/api/contact/do-not-call?q=13700001234");
        Assert.Equal("137****1234", Assert.Single(found!).PhoneMasked);
        var otherDepartment = await nurse.PostAsJsonAsync("/api/contact/do-not-call", new DoNotContactInput(c.Id, null, "本人要求"));
        Assert.Equal(HttpStatusCode.Forbidden, otherDepartment.StatusCode);
        Assert.Contains("不在您负责的科室范围内", await otherDepartment.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await nurse.GetAsync($"/api/contact/patients/{c.Id}/consent")).StatusCode);
        var consent = await nurse.PostAsJsonAsync($"/api/contact/patients/{a.Id}/consent", new ConsentInput(ConsentDecision.Given, ConsentMethod.Phone, null, null));
        consent.EnsureSuccessStatusCode();
        Assert.Equal(ConsentState.Given, (await nurse.GetFromJsonAsync<ConsentView>($"/api/contact/patients/{a.Id}/consent", Json))!.State);
    }

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static async Task AddTaskAsync(SuifangWebFactory app, long patientId, int departmentId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SuifangDbContext>();
        var hospital = await db.Hospitals.Include(h => h.Campuses).FirstAsync();
        db.Tasks.Add(new FollowUpTask
        {
            HospitalId = hospital.Id, CampusId = hospital.Campuses[0].Id, PatientId = patientId, DepartmentId = departmentId,
            Channel = ChannelKind.AiCall, Queue = TaskQueues.AiCall, State = TaskState.Due, IdempotencyKey = "t:" + Guid.NewGuid().ToString("N"),
            // Open around the real clock: the host's task maintenance closes tasks whose window has passed.
            DueFrom = DateTime.Today.AddDays(-1), DueTo = DateTime.Today.AddDays(7), NextAttemptAt = DateTime.Today.AddDays(7),
        });
        await db.SaveChangesAsync();
    }
}
