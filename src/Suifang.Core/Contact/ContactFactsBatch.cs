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

    /// The facts for SMS tasks (questionnaire SMS and notices).
    public static Task<Dictionary<long, ContactFacts>> LoadSmsFactsAsync(SuifangDbContext db, int hospitalId, IReadOnlyCollection<long> patientIds,
        DateTime now, CancellationToken ct) =>
        LoadAsync(db, hospitalId, patientIds, sms: true, now, ct);

    /// With sms, SMS-only do-not-contact entries (短信退订) count too; a call heeds only entries for all contact.
    public static async Task<Dictionary<long, ContactFacts>> LoadAsync(SuifangDbContext db, int hospitalId, IReadOnlyCollection<long> patientIds,
        bool sms, DateTime now, CancellationToken ct)
    {
        var ids = patientIds.Distinct().ToList();
        if (ids.Count == 0)
            return [];
        // Entries by patient or by the patient's phone number; the first found.
        var byPatient = (await db.DoNotContacts.AsNoTracking()
                .Where(d => d.PatientId != null && EF.Parameter(ids).Contains(d.PatientId.Value) && d.RemovedAt == null && d.HospitalId == hospitalId
                    && (sms || d.Scope == DoNotContactScope.All))
                .Select(d => new { PatientId = d.PatientId!.Value, d.Reason }).ToListAsync(ct))
            .GroupBy(d => d.PatientId).ToDictionary(g => g.Key, g => g.First().Reason);
        var byNumber = (await (from p in db.Patients.IgnoreQueryFilters()
                               join d in db.DoNotContacts on new { p.HospitalId, PhoneIndex = (string?)p.PhoneIndex } equals new { d.HospitalId, d.PhoneIndex }
                               where EF.Parameter(ids).Contains(p.Id) && p.HospitalId == hospitalId && d.RemovedAt == null
                                   && (sms || d.Scope == DoNotContactScope.All)
                               select new { p.Id, d.Reason }).AsNoTracking().ToListAsync(ct))
            .GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.First().Reason);
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
        var flags = (await db.PatientCallFlags.AsNoTracking().Where(f => EF.Parameter(ids).Contains(f.PatientId) && f.ClearedAt == null)
            .Select(f => new { f.PatientId, f.Kind, f.PhoneIndex, f.Reason }).ToListAsync(ct)).ToLookup(f => f.PatientId);
        var flagged = flags.Select(g => g.Key).ToList();
        var phones = flagged.Count == 0 ? [] : await db.Patients.AsNoTracking().IgnoreQueryFilters().Where(p => EF.Parameter(flagged).Contains(p.Id))
            .Select(p => new { p.Id, p.PhoneIndex }).ToDictionaryAsync(p => p.Id, p => p.PhoneIndex, ct);

        var result = new Dictionary<long, ContactFacts>(ids.Count);
        foreach (var id in ids)
        {
            var consent = consents.GetValueOrDefault(id);
            var own = flags[id].ToList();
            string? Of(CallFlagKind kind) => own.FirstOrDefault(f => f.Kind == kind && (kind != CallFlagKind.WrongNumber || f.PhoneIndex == phones.GetValueOrDefault(id)))?.Reason;
            result[id] = new ContactFacts(
                byPatient.GetValueOrDefault(id) ?? byNumber.GetValueOrDefault(id),
                consent is null ? ConsentState.NotRecorded : consent.Decision == ConsentDecision.Given ? ConsentState.Given : ConsentState.Withdrawn,
                consent?.DecidedAt,
                attempts[id].ToList(),
                reached.GetValueOrDefault(id) ?? [],
                null)
            {
                DeceasedReason = Of(CallFlagKind.Deceased), WrongNumberReason = Of(CallFlagKind.WrongNumber), UncooperativeReason = Of(CallFlagKind.Uncooperative),
            };
        }
        return result;
    }
}
