using Microsoft.EntityFrameworkCore;
using Suifang.Core.Calls;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Tasks;

namespace Suifang.Core.Contact;

/// The contact facts of many patients at once (the pre-call notices the plan job writes, up to 2,000 per run), with one
/// query per kind of fact for all patients; ContactRulesGate.LoadFactsAsync reads one task's facts through it too. Without
/// a call's own pre-call notice (NoticeState): the gate adds it for the one call it checks.
internal static class ContactFactsBatch
{
    /// Reached calls older than this no longer teach the best hour (and are past any no-repeat window).
    private const int ReachedCallsKept = 50;

    /// With sms, SMS-only do-not-contact entries (短信退订) count too; a call heeds only entries for all contact.
    public static async Task<Dictionary<long, ContactFacts>> LoadAsync(SuifangDbContext db, int hospitalId, IReadOnlyCollection<long> patientIds,
        bool sms, DateTime now, CancellationToken ct)
    {
        var ids = patientIds.Distinct().ToList();
        if (ids.Count == 0)
            return [];
        var doNotContact = await DoNotContactList.ReasonsForAsync(db, hospitalId, ids, sms, ct);
        var consents = (await db.Consents.AsNoTracking().Where(c => EF.Parameter(ids).Contains(c.PatientId))
                .Select(c => new { c.PatientId, c.Decision, c.DecidedAt, c.RecordedAt, c.Id }).ToListAsync(ct))
            .GroupBy(c => c.PatientId).ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.RecordedAt).ThenByDescending(c => c.Id).First());
        var today = now.Date;
        var attempts = (await (from a in db.TaskAttempts
                               join t in db.Tasks on a.TaskId equals t.Id
                               where EF.Parameter(ids).Contains(t.PatientId) && a.StartedAt >= today
                               select new { t.PatientId, Attempt = new ContactAttempt(a.TaskId, a.StartedAt) }).AsNoTracking().ToListAsync(ct))
            .ToLookup(x => x.PatientId, x => x.Attempt);
        var reached = (await db.Tasks.AsNoTracking()
                .Where(t => EF.Parameter(ids).Contains(t.PatientId) && t.State == TaskState.Completed
                    && (t.Channel == ChannelKind.AiCall || t.Channel == ChannelKind.Manual))
                .Select(t => new { t.PatientId, t.Id, t.PlanStepId, t.FinishedAt, t.UpdatedAt, Last = t.AttemptLog.Max(a => (DateTime?)a.StartedAt) })
                .ToListAsync(ct))
            .GroupBy(t => t.PatientId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(t => t.FinishedAt).Take(ReachedCallsKept)
                .Select(r => new ReachedCall(r.Id, r.PlanStepId, r.Last ?? r.FinishedAt ?? r.UpdatedAt)).ToList());
        var flags = await CallFlags.ActiveForAsync(db, ids, ct);

        var result = new Dictionary<long, ContactFacts>(ids.Count);
        foreach (var id in ids)
        {
            var consent = consents.GetValueOrDefault(id);
            var marks = flags.GetValueOrDefault(id, ActiveFlags.None);
            result[id] = new ContactFacts(
                doNotContact.GetValueOrDefault(id),
                consent is null ? ConsentState.NotRecorded : consent.Decision == ConsentDecision.Given ? ConsentState.Given : ConsentState.Withdrawn,
                consent?.DecidedAt,
                attempts[id].ToList(),
                reached.GetValueOrDefault(id) ?? [],
                null)
            {
                DeceasedReason = marks.Deceased, WrongNumberReason = marks.WrongNumber, UncooperativeReason = marks.Uncooperative,
            };
        }
        return result;
    }
}
