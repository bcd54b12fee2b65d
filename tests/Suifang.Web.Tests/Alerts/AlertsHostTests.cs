using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suifang.Core.Accounts;
using Suifang.Core.Alerts;
using Suifang.Core.Common;
using Suifang.Core.Data;
using Suifang.Core.Security;
using Suifang.Core.Sms;
using Suifang.Core.Todos;
using Suifang.Testing;
using Suifang.Web.Tests.Admin;

namespace Suifang.Web.Tests.Alerts;

/// The running host (7.2.4.1 b, 7.2.5.1 a): its alerts service assigns a critical to-do written by another process,
/// texts the nurse on duty, and hands the notice to the page subscriptions of the department.
public sealed class AlertsHostTests
{
    [Theory, ClassData(typeof(Providers))]
    public async Task The_host_assigns_a_critical_todo_written_elsewhere_texts_the_nurse_on_duty_and_notifies_the_department(DatabaseProvider provider)
    {
        await using var app = await SuifangWebFactory.StartAsync(provider);
        var xnk = await StaffAccounts.EnsureDepartmentAsync(app.Services, "XNK", "心血管内科");
        var patient = await HostPatients.AddAsync(app.Services, b => b.Named("王建国").DischargedOn(DateTime.Today.AddDays(-3), xnk.Id));
        var nurse = await StaffAccounts.CreateAsync(app.Services, "duty.nurse", Roles.Nurse, "XNK");
        var factory = app.Services.GetRequiredService<IDbContextFactory<SuifangDbContext>>();
        await using (var db = factory.CreateDbContext())
        {
            var phone = app.Services.GetRequiredService<SensitiveDataProtector>().Protect(SensitiveKind.Phone, "13900000001");
            db.StaffMobiles.Add(new StaffMobile { UserId = nurse.Id, HospitalId = patient.HospitalId, PhoneCipher = phone.Cipher, PhoneMasked = phone.Masked });
            foreach (var day in Enum.GetValues<DayOfWeek>())
                db.DutyShifts.Add(new DutyShift { HospitalId = patient.HospitalId, DepartmentId = xnk.Id, Day = day, Start = TimeOnly.MinValue, End = TimeOnly.MinValue, UserId = nurse.Id });
            await db.SaveChangesAsync();
        }
        var notices = new TaskCompletionSource<AlertNotice>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = app.Services.GetRequiredService<AlertNotifier>().Subscribe(new HashSet<int> { xnk.Id }, n =>
        {
            notices.TrySetResult(n);
            return Task.CompletedTask;
        });

        // Written by another process (a separate context from a separate factory, as the call worker does).
        await using var other = app.Database.NewContext();
        var todo = new TodoItem
        {
            HospitalId = patient.HospitalId, DepartmentId = xnk.Id, PatientId = patient.Id, Kind = TodoKind.RedFlag, Urgency = TodoUrgency.Critical,
            Reason = "胸痛持续不缓解", Source = "ai-call", CreatedAt = app.Services.GetRequiredService<HospitalClock>().Now, RuleKey = "red-flag:chest-pain",
        };
        other.Todos.Add(todo);
        await other.SaveChangesAsync();

        var notice = await notices.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal((todo.Id, "王*国"), (notice.TodoId, notice.PatientMaskedName));
        await using var check = factory.CreateDbContext();
        Assert.Equal(nurse.Id, (await check.Todos.SingleAsync(t => t.Id == todo.Id)).AssignedToUserId);
        var sms = await check.SmsMessages.SingleAsync(m => m.Purpose == SmsPurpose.StaffAlert);
        Assert.Equal(("139****0001", nurse.Id), (sms.PhoneMasked, sms.RecipientUserId));
        Assert.Single(check.AlertDeliveries.Where(d => d.TodoId == todo.Id && d.Channel == AlertChannel.Sms));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task The_duty_and_load_pages_render_for_a_nurse_and_a_nurse_who_is_not_head_nurse_cannot_edit(DatabaseProvider provider)
    {
        await using var app = await SuifangWebFactory.StartAsync(provider);
        await StaffAccounts.EnsureDepartmentAsync(app.Services, "XNK", "心血管内科");
        await StaffAccounts.CreateAsync(app.Services, "plain.nurse", Roles.Nurse, "XNK");
        var nurse = await AdminClients.SignedInAsync(app, "plain.nurse", StaffAccounts.Password);

        var duty = await nurse.GetStringAsync("/settings/duty");
        Assert.Contains("值班与提醒", duty);
        Assert.Contains("心血管内科", duty);
        Assert.Contains("只有本科室护士长或管理员可以修改", duty);
        Assert.Contains("预警负荷", await nurse.GetStringAsync("/alerts/load"));
    }
}
