using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Tasks;

namespace Suifang.Core.Contact;

/// IContactGate on the database: loads the patient's facts and asks ContactRules.
internal sealed class ContactRulesGate(ContactPolicies policies) : IContactGate
{
    public async Task<ContactDecision> CheckAsync(SuifangDbContext db, FollowUpTask task, DateTime now, CancellationToken ct)
    {
        var policy = await policies.GetAsync(db, task.HospitalId, ct);
        var facts = await LoadFactsAsync(db, task, now, ct);
        return ContactRules.Decide(policy, ContactTask.Of(task), facts, now);
    }

    /// The batch's facts of the task's patient (one code path for one task and for many), with a call's own pre-call notice.
    internal static async Task<ContactFacts> LoadFactsAsync(SuifangDbContext db, FollowUpTask task, DateTime now, CancellationToken ct)
    {
        var facts = (await ContactFactsBatch.LoadAsync(db, task.HospitalId, [task.PatientId],
            sms: task.Channel is ChannelKind.Sms or ChannelKind.Questionnaire, now, ct))[task.PatientId];
        return task.Channel is ChannelKind.AiCall or ChannelKind.Manual ? facts with { Notice = await NoticeAsync(db, task, ct) } : facts;
    }

    private static async Task<NoticeState?> NoticeAsync(SuifangDbContext db, FollowUpTask task, CancellationToken ct)
    {
        var key = ContactNotices.KeyFor(task.IdempotencyKey);
        var n = await db.Tasks.AsNoTracking().Where(t => t.IdempotencyKey == key)
            .Select(t => new { t.State, t.NextAttemptAt, t.FinishedAt, Sent = t.AttemptLog.Min(a => (DateTime?)a.StartedAt) })
            .FirstOrDefaultAsync(ct);
        if (n is null)
            return task.NoticeAt is { } noticeAt ? new NoticeState(Open: true, noticeAt, SentAt: null) : null;   // not written yet (PreCallNotices): the call waits for it
        return new NoticeState(
            n.State is TaskState.Pending or TaskState.Due or TaskState.Leased or TaskState.Running && n.Sent is null,
            n.NextAttemptAt,
            n.State == TaskState.Completed || n.Sent is not null ? n.Sent ?? n.FinishedAt : null);
    }
}
