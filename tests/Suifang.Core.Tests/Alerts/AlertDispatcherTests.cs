using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Alerts;
using Suifang.Core.Data;
using Suifang.Core.Sms;
using Suifang.Core.Tests.Contact;
using Suifang.Core.Todos;
using Suifang.Testing;

namespace Suifang.Core.Tests.Alerts;

/// Assignment by department and urgency (7.2.4.1 b) and the SMS of a critical alert to the nurse on duty (7.2.5.1 a).
public sealed class AlertDispatcherTests
{
    [Theory, ClassData(typeof(Providers))]
    public async Task A_critical_todo_goes_to_the_nurse_on_duty_and_texts_her_at_night_with_the_patient_name_masked(DatabaseProvider provider)
    {
        await using var w = await AlertWorld.CreateAsync(provider);
        var day = await w.StaffAsync("白班护士", Roles.Nurse, w.H.Cardiology.Id, "13900000001");
        var night = await w.StaffAsync("夜班护士", Roles.Nurse, w.H.Cardiology.Id, "13900000002");
        await w.ShiftAsync(day, DayOfWeek.Monday, "08:00", "17:00");
        await w.ShiftAsync(night, DayOfWeek.Monday, "17:00", "08:00");
        w.Now = AlertWorld.Monday.At("23:10");   // inside the patients' SMS quiet hours
        var todo = await w.TodoAsync(await w.PatientAsync("王建国"), TodoUrgency.Critical);

        Assert.Equal(1, await w.Dispatcher.RunOnceAsync(CancellationToken.None));

        var saved = await w.ReloadAsync(todo);
        Assert.Equal(night, saved.AssignedToUserId);
        Assert.NotNull(saved.AlertedAt);
        var request = Assert.Single(w.Sms.Provider.Requests);
        Assert.Equal("13900000002", request.Phone);
        Assert.Contains("王*国", request.Text);
        Assert.DoesNotContain("王建国", request.Text);
        Assert.DoesNotContain("13812341234", request.Text);
        var delivery = Assert.Single(await w.DeliveriesAsync());
        Assert.Equal((AlertChannel.Sms, AlertDeliveryStatus.Sent, night), (delivery.Channel, delivery.Status, delivery.RecipientUserId));
        Assert.Contains("139****0002", delivery.Detail);
        await using var db = w.H.Database.NewContext();
        var sms = await db.SmsMessages.SingleAsync();
        Assert.Equal((SmsPurpose.StaffAlert, night), (sms.Purpose, sms.RecipientUserId));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_todo_is_handled_once_even_when_the_dispatcher_runs_again_after_a_crash(DatabaseProvider provider)
    {
        await using var w = await AlertWorld.CreateAsync(provider);
        var nurse = await w.StaffAsync("值班护士", Roles.Nurse, w.H.Cardiology.Id, "13900000001");
        await w.ShiftAsync(nurse, DayOfWeek.Monday, "00:00", "00:00");
        var patient = await w.PatientAsync();
        await w.TodoAsync(patient, TodoUrgency.Critical);

        await w.Dispatcher.RunOnceAsync(CancellationToken.None);
        Assert.Equal(0, await w.Dispatcher.RunOnceAsync(CancellationToken.None));
        // A to-do written later, by another process, is still found: the dispatcher reads what is not handled, not an id range.
        await w.TodoAsync(patient, TodoUrgency.Critical, "red-flag:chest-pain");
        Assert.Equal(1, await w.Dispatcher.RunOnceAsync(CancellationToken.None));

        Assert.Equal(2, w.Sms.Provider.Requests.Count);
        Assert.Equal(2, (await w.DeliveriesAsync()).Count);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Normal_todos_go_to_the_nurse_with_the_fewest_open_or_stay_in_the_shared_list_as_the_department_chose(DatabaseProvider provider)
    {
        await using var w = await AlertWorld.CreateAsync(provider);
        var busy = await w.StaffAsync("忙护士", Roles.Nurse, w.H.Cardiology.Id);
        var free = await w.StaffAsync("闲护士", Roles.Nurse, w.H.Cardiology.Id);
        await w.StaffAsync("停用护士", Roles.Nurse, w.H.Cardiology.Id, disabled: true);
        await w.StaffAsync("医生", Roles.Doctor, w.H.Cardiology.Id);
        var patient = await w.PatientAsync();
        await using (var db = w.H.Database.NewContext())
        {
            db.Todos.Add(new TodoItem { HospitalId = w.H.Hospital.Id, DepartmentId = w.H.Cardiology.Id, PatientId = patient.Id, Reason = "旧", Source = "ai-call", AssignedToUserId = busy, AlertedAt = w.Now });
            await db.SaveChangesAsync();
        }

        var shared = await w.TodoAsync(patient, TodoUrgency.Normal);
        await w.Dispatcher.RunOnceAsync(CancellationToken.None);
        Assert.Null((await w.ReloadAsync(shared)).AssignedToUserId);

        await w.SettingsAsync(s => s.NormalAssignment = NormalAssignment.FewestOpen);
        var routed = await w.TodoAsync(patient, TodoUrgency.Normal);
        await w.Dispatcher.RunOnceAsync(CancellationToken.None);
        Assert.Equal(free, (await w.ReloadAsync(routed)).AssignedToUserId);
        Assert.Empty(w.Sms.Provider.Requests);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task With_nobody_on_duty_the_failed_delivery_says_so_and_the_head_nurse_is_texted_when_nobody_acknowledges_in_time(DatabaseProvider provider)
    {
        await using var w = await AlertWorld.CreateAsync(provider);
        var head = await w.StaffAsync("护士长", Roles.Nurse, w.H.Cardiology.Id, "13900000009");
        await w.SettingsAsync(s => (s.HeadNurseUserId, s.EscalateAfterMinutes) = (head, 10));
        w.Now = AlertWorld.Monday.At("10:00");
        var todo = await w.TodoAsync(await w.PatientAsync(), TodoUrgency.Critical);

        await w.Dispatcher.RunOnceAsync(CancellationToken.None);
        var first = Assert.Single(await w.DeliveriesAsync());
        Assert.Equal(AlertDeliveryStatus.Failed, first.Status);
        Assert.Contains("无人值班", first.Detail);

        w.Now = AlertWorld.Monday.At("10:09");
        await w.Dispatcher.RunOnceAsync(CancellationToken.None);
        Assert.Single(await w.DeliveriesAsync());
        w.Now = AlertWorld.Monday.At("10:10");
        await w.Dispatcher.RunOnceAsync(CancellationToken.None);
        await w.Dispatcher.RunOnceAsync(CancellationToken.None);

        var escalation = (await w.DeliveriesAsync()).Last();
        Assert.True(escalation.IsEscalation);
        Assert.Equal((head, AlertDeliveryStatus.Sent), (escalation.RecipientUserId, escalation.Status));
        var sms = Assert.Single(w.Sms.Provider.Requests);
        Assert.Equal("13900000009", sms.Phone);
        Assert.Contains("升级", sms.Text);
        Assert.Equal(2, (await w.DeliveriesAsync()).Count);
        Assert.NotNull(todo);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task An_acknowledged_critical_todo_is_not_escalated(DatabaseProvider provider)
    {
        await using var w = await AlertWorld.CreateAsync(provider);
        var head = await w.StaffAsync("护士长", Roles.Nurse, w.H.Cardiology.Id, "13900000009");
        await w.SettingsAsync(s => (s.HeadNurseUserId, s.EscalateAfterMinutes) = (head, 5));
        var todo = await w.TodoAsync(await w.PatientAsync(), TodoUrgency.Critical);
        await w.Dispatcher.RunOnceAsync(CancellationToken.None);
        await using (var db = w.H.Database.NewContext())
        {
            Assert.True(await AlertReceipts.AcknowledgeAsync(db, todo.Id, head, w.Now.AddMinutes(2), CancellationToken.None));
            Assert.False(await AlertReceipts.AcknowledgeAsync(db, todo.Id, "someone-else", w.Now.AddMinutes(3), CancellationToken.None));
        }

        w.Now = w.Now.AddMinutes(30);
        await w.Dispatcher.RunOnceAsync(CancellationToken.None);

        Assert.DoesNotContain(await w.DeliveriesAsync(), d => d.IsEscalation);
        Assert.Equal(head, (await w.ReloadAsync(todo)).AcknowledgedBy);
    }
}
