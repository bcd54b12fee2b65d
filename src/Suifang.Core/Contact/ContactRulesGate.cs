using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Tasks;

namespace Suifang.Core.Contact;

/// IContactGate on the database: loads the patient's facts and asks ContactRules.
internal sealed class ContactRulesGate(ContactPolicies policies) : IContactGate
{
    /// Reached calls older than this no longer teach the best hour (and are past any no-repeat window).
    private const int ReachedCallsKept = 50;

    public async Task<ContactDecision> CheckAsync(SuifangDbContext db, FollowUpTask task, DateTime now, CancellationToken ct)
    {
        var policy = await policies.GetAsync(db, task.HospitalId, ct);
        var facts = await LoadFactsAsync(db, task, now, ct);
        return ContactRules.Decide(policy, ContactTask.Of(task), facts, now);
    }

    internal static async Task<ContactFacts> LoadFactsAsync(SuifangDbContext db, FollowUpTask task, DateTime now, CancellationToken ct)
    {
        var patientId = task.PatientId;
        var dnc = await DoNotContactList.ReasonForAsync(db, task.HospitalId, patientId,
            sms: task.Channel is ChannelKind.Sms or ChannelKind.Questionnaire, ct);
        var consent = await db.Consents.AsNoTracking().Where(c => c.PatientId == patientId)
            .OrderByDescending(c => c.RecordedAt).ThenByDescending(c => c.Id)
            .Select(c => new { c.Decision, c.DecidedAt }).FirstOrDefaultAsync(ct);

        var today = now.Date;
        var attempts = await (from a in db.TaskAttempts
                              join t in db.Tasks on a.TaskId equals t.Id
                              where t.PatientId == patientId && a.StartedAt >= today
                              select new ContactAttempt(a.TaskId, a.StartedAt)).AsNoTracking().ToListAsync(ct);

        var reached = await db.Tasks.AsNoTracking()
            .Where(t => t.PatientId == patientId && t.State == TaskState.Completed
                && (t.Channel == ChannelKind.AiCall || t.Channel == ChannelKind.Manual))
            .OrderByDescending(t => t.FinishedAt).Take(ReachedCallsKept)
            .Select(t => new { t.Id, t.PlanStepId, t.FinishedAt, t.UpdatedAt, Last = t.AttemptLog.Max(a => (DateTime?)a.StartedAt) })
            .ToListAsync(ct);

        NoticeState? notice = null;
        if (task.Channel is ChannelKind.AiCall or ChannelKind.Manual)
        {
            var key = ContactNotices.KeyFor(task.IdempotencyKey);
            var n = await db.Tasks.AsNoTracking().Where(t => t.IdempotencyKey == key)
                .Select(t => new { t.State, t.NextAttemptAt, t.FinishedAt, Sent = t.AttemptLog.Min(a => (DateTime?)a.StartedAt) })
                .FirstOrDefaultAsync(ct);
            if (n is null && task.NoticeAt is { } noticeAt)
                notice = new NoticeState(Open: true, noticeAt, SentAt: null);   // not written yet (PreCallNotices): the call waits for it
            else if (n is not null)
                notice = new NoticeState(
                    n.State is TaskState.Pending or TaskState.Due or TaskState.Leased or TaskState.Running && n.Sent is null,
                    n.NextAttemptAt,
                    n.State == TaskState.Completed || n.Sent is not null ? n.Sent ?? n.FinishedAt : null);
        }

        var flags = await Calls.CallFlags.ActiveAsync(db, patientId, ct);
        return new ContactFacts(
            dnc,
            consent is null ? ConsentState.NotRecorded : consent.Decision == ConsentDecision.Given ? ConsentState.Given : ConsentState.Withdrawn,
            consent?.DecidedAt,
            attempts,
            reached.Select(r => new ReachedCall(r.Id, r.PlanStepId, r.Last ?? r.FinishedAt ?? r.UpdatedAt)).ToList(),
            notice)
        {
            DeceasedReason = flags.Deceased, WrongNumberReason = flags.WrongNumber, UncooperativeReason = flags.Uncooperative,
        };
    }
}
