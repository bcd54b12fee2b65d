using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Plans;
using Suifang.Core.Tasks;

namespace Suifang.Core.Contact;

/// 首呼前短信告知 (7.2.2 "an SMS notice before the first call"): before a plan's first call to a patient, an SMS that says
/// which number will call and why, at least PreCallNoticeHours ahead. The notice task's idempotency key is derived from
/// the call's ("notice:" + key), so a plan cannot send two notices for one call, and the gate finds the notice of a call
/// and holds the call until the notice has been out for the lead time (or was given up).
public sealed class ContactNotices(ContactPolicy policy, string hospitalName, IReadOnlyDictionary<int, string> departments)
{
    public const string KeyPrefix = "notice:";

    public static string KeyFor(string callKey) => KeyPrefix + callKey;

    public ContactPolicy Policy => policy;

    public static async Task<ContactNotices> ForHospitalAsync(SuifangDbContext db, int hospitalId, CancellationToken ct)
    {
        var policy = await ContactPolicies.LoadAsync(db, hospitalId, ct);
        var name = await db.Hospitals.Where(h => h.Id == hospitalId).Select(h => h.Name).FirstOrDefaultAsync(ct) ?? "";
        var departments = await db.Departments.Where(d => d.HospitalId == hospitalId).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        return new ContactNotices(policy, name, departments);
    }

    /// The notice task for the plan's first call (add it with the call), or null when notices are off or the first
    /// task is not a call. Moves the call's NextAttemptAt so that it is at least the lead time after the notice.
    public FollowUpTask? NoticeTaskFor(FollowUpPlan plan, FollowUpTask firstCallTask, DateTime now) =>
        Schedule(firstCallTask, now) is { } sendAt ? NoticeTask(plan, firstCallTask, sendAt, now) : null;

    /// When the notice of the plan's first call is to go out (the lead time before the call, not in the SMS quiet hours,
    /// not before now), or null when notices are off or the task is not a call. Moves the call's NextAttemptAt so that it
    /// is at least the lead time after the notice. The notice task itself may be written later (PreCallNotices).
    public DateTime? Schedule(FollowUpTask firstCallTask, DateTime now)
    {
        if (!policy.PreCallNoticeEnabled || firstCallTask.Channel is not (ChannelKind.AiCall or ChannelKind.Manual))
            return null;
        var lead = TimeSpan.FromHours(policy.PreCallNoticeHours);
        var sendAt = policy.Schedule.NextSmsMoment(Max(now, firstCallTask.NextAttemptAt - lead));
        var callAt = Max(firstCallTask.NextAttemptAt, sendAt + lead);
        if (callAt > firstCallTask.NextAttemptAt)
        {
            firstCallTask.NextAttemptAt = callAt;
            if (firstCallTask.State == TaskState.Due && callAt > now)
                firstCallTask.State = TaskState.Pending;
        }
        return sendAt;
    }

    /// The notice of a first call whose notice was left for later (call.NoticeAt): it goes out at that time, or at the
    /// next SMS moment when that has passed. The call is not moved here; the gate holds it the lead time after the notice.
    public FollowUpTask DeferredNoticeTask(FollowUpPlan plan, FollowUpTask call, DateTime now) =>
        NoticeTask(plan, call, policy.Schedule.NextSmsMoment(Max(now, call.NoticeAt ?? now)), now);

    internal FollowUpTask NoticeTask(FollowUpPlan plan, FollowUpTask firstCallTask, DateTime sendAt, DateTime now)
    {
        var callAt = Max(firstCallTask.NextAttemptAt, sendAt + TimeSpan.FromHours(policy.PreCallNoticeHours));
        return new FollowUpTask
        {
            HospitalId = plan.HospitalId,
            CampusId = plan.CampusId,
            PatientId = plan.PatientId,
            DepartmentId = plan.DepartmentId,
            Plan = plan,
            Channel = ChannelKind.Sms,
            Queue = TaskQueues.Sms,
            Priority = firstCallTask.Priority,
            State = sendAt <= now ? TaskState.Due : TaskState.Pending,
            DueFrom = now,
            DueTo = Max(firstCallTask.DueTo, sendAt),
            NextAttemptAt = sendAt,
            MaxAttempts = 1,
            ExpectedSeconds = 5,
            IdempotencyKey = KeyFor(firstCallTask.IdempotencyKey),
            Message = TextFor(plan, firstCallTask, callAt),
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    public string TextFor(FollowUpPlan plan, FollowUpTask call, DateTime callAt)
    {
        var department = departments.GetValueOrDefault(plan.DepartmentId, "随访中心");
        var why = call.Step?.Title ?? plan.Steps.FirstOrDefault(s => s.Id == call.PlanStepId)?.Title ?? "出院后随访";
        var number = string.IsNullOrWhiteSpace(policy.CallerNumber) ? "本院随访电话" : $"号码 {policy.CallerNumber} ";
        return $"【{hospitalName}】您好！{department}将于{callAt:M月d日}起用{number}给您来电，进行“{why}”，了解您的恢复情况，约需 3 分钟，请留意接听。如不方便接听，我们会另约时间。";
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
