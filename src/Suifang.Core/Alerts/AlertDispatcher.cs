using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Sms;
using Suifang.Core.Todos;

namespace Suifang.Core.Alerts;

/// 预警分发: takes every to-do not yet handled (AlertedAt is null), whoever wrote it, applies the department's rule tuning,
/// assigns it (7.2.4.1 b) and, for a critical one, texts the nurse on duty (7.2.5.1 a); each to-do is saved with its
/// AlertedAt in one transaction, and the SMS carries an effect key, so a crash in between repeats nothing and misses
/// nothing. Also escalates critical to-dos nobody acknowledged in time to the head nurse.
public sealed class AlertDispatcher(Func<SuifangDbContext> newContext, ISmsOutbox outbox, Func<DateTime> now)
{
    public const int BatchSize = 100;

    /// A to-do found older than this (e.g. after a long outage or on upgrade) is assigned but no longer texted.
    public static readonly TimeSpan SmsFreshness = TimeSpan.FromMinutes(30);

    /// Called after each to-do handled (the live notifier polls at once instead of waiting for its next round).
    public Action<TodoItem>? Handled { get; set; }

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var db = newContext();
        var ids = await db.Todos.Where(t => t.AlertedAt == null).OrderBy(t => t.Id).Select(t => t.Id).Take(BatchSize).ToListAsync(ct);
        foreach (var id in ids)
            await HandleAsync(id, ct);
        await EscalateAsync(ct);
        return ids.Count;
    }

    private async Task HandleAsync(long id, CancellationToken ct)
    {
        await using var db = newContext();
        var todo = await db.Todos.FirstOrDefaultAsync(t => t.Id == id && t.AlertedAt == null, ct);
        if (todo is null)
            return;   // another node took it
        var t = now();
        var settings = await DutyRoster.SettingsAsync(db, todo.DepartmentId, ct);
        var muted = AlertTuning.Apply(todo, await AlertTuning.ForDepartmentAsync(db, todo.DepartmentId, ct), t);
        if (!muted)
            await TodoAssignment.AssignAsync(db, todo, settings, t, ct);
        if (!muted && todo.Urgency == TodoUrgency.Critical && todo.Status == TodoStatus.Open && t - todo.CreatedAt <= SmsFreshness)
        {
            var onDuty = todo.AssignedToUserId ?? await DutyRoster.OnDutyAsync(db, todo.DepartmentId, t, ct);
            db.AlertDeliveries.Add(await TextAsync(db, todo, onDuty, escalation: false, t, ct));
        }
        // Claim and save together: a second node handling the same to-do finds it claimed and writes nothing.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.Todos.Where(x => x.Id == id && x.AlertedAt == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.AlertedAt, t), ct) == 0)
            return;
        todo.AlertedAt = t;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A nurse changed it meanwhile (closed, acknowledged): her change stays; the claim is rolled back and the next
            // round handles the to-do as it is then.
            return;
        }
        await tx.CommitAsync(ct);
        Handled?.Invoke(todo);
    }

    /// Texts one staff member about a to-do; the delivery says what became of it (also when nobody could be texted).
    private async Task<AlertDelivery> TextAsync(SuifangDbContext db, TodoItem todo, string? userId, bool escalation, DateTime t, CancellationToken ct)
    {
        var delivery = new AlertDelivery
        {
            TodoId = todo.Id, HospitalId = todo.HospitalId, DepartmentId = todo.DepartmentId, Channel = AlertChannel.Sms,
            RecipientUserId = userId, At = t, IsEscalation = escalation,
        };
        if (userId is null)
            return Failed(delivery, escalation ? "科室未设置护士长，无法升级提醒。请在“值班与提醒”中设置。" : "科室当前无人值班，短信未发送。请在“值班与提醒”中排班。");
        var mobile = await db.StaffMobiles.AsNoTracking().FirstOrDefaultAsync(m => m.UserId == userId, ct);
        if (mobile is null || mobile.PhoneCipher.Length == 0)
            return Failed(delivery, "值班人员没有登记手机号，短信未发送。请在“值班与提醒”中填写。");
        var patient = await db.Patients.IgnoreQueryFilters().Where(p => p.Id == todo.PatientId).Select(p => p.Name).FirstOrDefaultAsync(ct) ?? "";
        var department = await db.Departments.Where(d => d.Id == todo.DepartmentId).Select(d => d.Name).FirstOrDefaultAsync(ct) ?? "";
        var key = $"alert:{todo.Id}:{(escalation ? "escalate" : "duty")}:{userId}";
        var result = await outbox.SendAsync(new SmsSend(todo.HospitalId, todo.PatientId, AlertSms.Text(todo, patient, department, escalation),
            SmsPurpose.StaffAlert, key, ToStaff: new StaffRecipient(userId, mobile.PhoneCipher, mobile.PhoneMasked)), ct);
        delivery.SmsMessageId = result.MessageId;
        (delivery.Status, delivery.Detail) = result.Status switch
        {
            SmsSendStatus.Delivered => (AlertDeliveryStatus.Delivered, $"已送达 {mobile.PhoneMasked}"),
            SmsSendStatus.Sent => (AlertDeliveryStatus.Sent, $"已发送至 {mobile.PhoneMasked}，等待送达回执"),
            SmsSendStatus.Queued => (AlertDeliveryStatus.Queued, $"排队发送至 {mobile.PhoneMasked}：{result.Detail}"),
            _ => (AlertDeliveryStatus.Failed, $"发送至 {mobile.PhoneMasked} 失败：{result.Detail}"),
        };
        delivery.Detail = delivery.Detail.Length > 300 ? delivery.Detail[..300] : delivery.Detail;
        return delivery;
    }

    private static AlertDelivery Failed(AlertDelivery d, string why)
    {
        (d.Status, d.Detail) = (AlertDeliveryStatus.Failed, why);
        return d;
    }

    /// A critical to-do still unacknowledged after the department's minutes goes to the head nurse, once.
    private async Task EscalateAsync(CancellationToken ct)
    {
        var t = now();
        await using var db = newContext();
        var since = t.AddDays(-1);
        var due = await db.Todos.Where(x => x.Urgency == TodoUrgency.Critical && x.Status == TodoStatus.Open && x.AcknowledgedAt == null
                && x.AlertedAt != null && x.CreatedAt >= since
                && !db.AlertDeliveries.Any(d => d.TodoId == x.Id && d.IsEscalation))
            .OrderBy(x => x.Id).Take(BatchSize).ToListAsync(ct);
        foreach (var todo in due)
        {
            var settings = await DutyRoster.SettingsAsync(db, todo.DepartmentId, ct);
            if (settings.EscalateAfterMinutes <= 0 || todo.CreatedAt.AddMinutes(settings.EscalateAfterMinutes) > t)
                continue;
            db.AlertDeliveries.Add(await TextAsync(db, todo, settings.HeadNurseUserId, escalation: true, t, ct));
            await db.SaveChangesAsync(ct);
        }
    }
}
