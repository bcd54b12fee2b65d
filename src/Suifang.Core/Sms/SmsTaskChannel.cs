using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Tasks;

namespace Suifang.Core.Sms;

/// The SMS task channel: a task's message (its own text, e.g. the pre-call notice, or the step's care text) goes
/// through the outbox. The outbox's effect key is the task's idempotency key, so a resumed or postponed task finds its
/// message instead of sending a second one.
public sealed class SmsTaskChannel(ISmsOutbox outbox, Func<SuifangDbContext> newContext) : ITaskChannel
{
    public ChannelKind Kind => ChannelKind.Sms;

    public async Task<TaskOutcome> ExecuteAsync(TaskExecution execution, CancellationToken ct)
    {
        var task = execution.Task;
        var text = task.Message ?? await TextForAsync(task, ct);
        var purpose = task.IdempotencyKey.StartsWith(Contact.ContactNotices.KeyPrefix, StringComparison.Ordinal) ? SmsPurpose.Notice : SmsPurpose.FollowUp;
        var result = await outbox.SendAsync(new SmsSend(task.HospitalId, task.PatientId, text, purpose, "task:" + task.IdempotencyKey, task.Id), ct);
        return result.Status switch
        {
            SmsSendStatus.Sent or SmsSendStatus.Delivered => TaskOutcome.Completed($"短信{Names(result.Status)}：{Short(text)}"),
            // The sender hands it over at RetryAt; the task looks again a minute later and finds it sent.
            SmsSendStatus.Queued => new TaskOutcome(OutcomeKind.Postponed, result.Detail, null, result.RetryAt?.AddMinutes(1)),
            _ => TaskOutcome.Failed(result.Detail),
        };
    }

    private async Task<string> TextForAsync(FollowUpTask task, CancellationToken ct)
    {
        await using var db = newContext();
        var info = await (from t in db.Tasks
                          where t.Id == task.Id
                          join h in db.Hospitals on t.HospitalId equals h.Id
                          join p in db.Patients.IgnoreQueryFilters() on t.PatientId equals p.Id
                          join d in db.Departments on t.DepartmentId equals d.Id into ds
                          from d in ds.DefaultIfEmpty()
                          select new { Hospital = h.Name, Patient = p.Name, Department = d == null ? "随访中心" : d.Name, Step = t.Step == null ? null : t.Step.Title })
            .AsNoTracking().FirstOrDefaultAsync(ct);
        return info is null ? "" :
            $"【{info.Hospital}】{info.Patient}您好，{info.Department}提醒您：{info.Step ?? "出院后随访"}。如有不适请及时就医或致电科室。回复TD退订";
    }

    private static string Names(SmsSendStatus s) => s == SmsSendStatus.Delivered ? "已送达" : "已发送";

    private static string Short(string text) => text.Length <= 30 ? text : text[..30] + "…";
}
