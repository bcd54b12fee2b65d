using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suifang.Core.Alerts;
using Suifang.Core.Audit;
using Suifang.Core.Data;
using Suifang.Core.Security;
using Suifang.Core.Sms;
using Suifang.Core.Todos;
using Suifang.Testing;

namespace Suifang.Web.Tests.Demo;

/// The demo shows 7.2.4.1 b and 7.2.5.1 a at work: its to-dos are assigned to the department's nurse, who finds them
/// under "分配给我的", and the duty nurse's alert SMS is in the outbox.
public sealed class DemoDutyTests
{
    private const string DemoPassword = "demo-Pass-2026";

    [Theory, ClassData(typeof(Providers))]
    public async Task The_seeded_demo_assigns_its_to_dos_to_the_departments_nurse_and_texts_the_duty_nurse(DatabaseProvider provider)
    {
        await using var app = await SuifangWebFactory.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Suifang:DemoData"] = "true",
            ["Suifang:DemoPatients"] = "200",
            ["Suifang:DemoPassword"] = DemoPassword,
            ["Tasks:DispatcherEnabled"] = "false",
            // The test runs the alert dispatcher itself, once.
            ["Alerts:Enabled"] = "false",
        });
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SuifangDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<SensitiveDataProtector>();
        var nurse = await db.Users.Where(u => u.UserName == "nurse.xnk").Select(u => u.Id).SingleAsync();
        var cardiology = await db.Departments.Where(d => d.Code == "XNK").Select(d => d.Id).SingleAsync();

        var mobile = await db.StaffMobiles.SingleAsync(m => m.UserId == nurse);
        Assert.True(ContactNumbers.IsValidPhone(protector.Unprotect(mobile.PhoneCipher)));
        Assert.Contains("****", mobile.PhoneMasked);
        Assert.Equal(7, await db.DutyShifts.CountAsync(s => s.DepartmentId == cardiology && s.UserId == nurse));

        // Two to-dos as a call would write them: a critical one and a normal one, for cardiology patients.
        var patients = await db.Encounters.Where(e => e.DepartmentId == cardiology).Select(e => e.PatientId).Distinct().Take(2).ToListAsync();
        var now = scope.ServiceProvider.GetRequiredService<Suifang.Core.Common.HospitalClock>().Now;
        var hospital = await db.Hospitals.Select(h => h.Id).SingleAsync();
        db.Actor = AuditActor.System("测试");
        db.Todos.AddRange(
            Todo(hospital, cardiology, patients[0], TodoUrgency.Critical, "患者说胸口痛得厉害", now),
            Todo(hospital, cardiology, patients[1], TodoUrgency.Normal, "患者说伤口有点痒", now));
        await db.SaveChangesAsync();

        await app.Services.GetRequiredService<AlertDispatcher>().RunOnceAsync(default);

        db.ChangeTracker.Clear();
        var todos = await db.Todos.Where(t => t.DepartmentId == cardiology && t.Status == TodoStatus.Open).ToListAsync();
        Assert.Equal(2, todos.Count);
        Assert.All(todos, t => Assert.Equal(nurse, t.AssignedToUserId));
        var sms = await db.SmsMessages.SingleAsync(m => m.Purpose == SmsPurpose.StaffAlert);
        Assert.Contains("胸口痛", sms.Text);
        Assert.DoesNotContain(await db.AlertDeliveries.ToListAsync(), d => d.Status == AlertDeliveryStatus.Failed);

        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        await StaffAccounts.LoginAsync(client, "nurse.xnk", DemoPassword);
        var mine = await client.GetFromJsonAsync<JsonElement>("/api/todos?mine=true");
        Assert.Equal(2, mine.GetProperty("items").GetArrayLength());
    }

    private static TodoItem Todo(int hospital, int department, long patient, TodoUrgency urgency, string reason, DateTime now) => new()
    {
        HospitalId = hospital, DepartmentId = department, PatientId = patient, Kind = TodoKind.Abnormal, Urgency = urgency,
        Reason = reason, Source = "ai-call", Status = TodoStatus.Open, CreatedAt = now,
    };
}
