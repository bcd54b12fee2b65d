using Microsoft.EntityFrameworkCore;
using Suifang.Core.Contact;
using Suifang.Core.Data;
using Suifang.Core.Tasks;

namespace Suifang.Core.Plans.Upcoming;

/// 首呼前短信告知 (issue #3 "Reach", 7.2.2): a plan schedules its first call the lead time after the notice's send moment
/// (PlanWriter), but writes the notice task only when it goes out within Lookahead; a later one is marked on the call
/// (FollowUpTask.NoticeAt) and written here, by the hourly plan job, shortly before it goes out. Exactly once: the notice's
/// idempotency key is derived from the call's and is unique, the runs are serialised by the plan job's lock, and a call
/// whose notice exists only has its mark cleared. Nothing is written for a call that is no longer open, of a plan that
/// was cancelled or stopped, or for a patient the notice may not reach (do-not-contact list or SMS unsubscribed, consent
/// withdrawn or not recorded where required, deceased, wrong number): once its send moment has come, the mark is cleared
/// as a refused notice was given up before. Until the notice is written the gate holds the call (ContactRulesGate).
public static class PreCallNotices
{
    /// The plan job runs every hour: notices going out within the next three hours are written, so one missed run does
    /// not make a notice late; a plan writes at once the notices that go out within this time (a call within minutes).
    public static readonly TimeSpan Lookahead = TimeSpan.FromHours(3);

    private const int Batch = 2_000;

    /// Writes the notices going out until now + Lookahead; returns how many.
    public static async Task<int> WriteDueAsync(SuifangDbContext db, DateTime now, CancellationToken ct)
    {
        var until = now + Lookahead;
        var written = 0;
        long after = 0;
        while (await Marked(db, until, after).AnyAsync(ct))
        {
            var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            await using (ownTransaction)
            {
                if (db.Database.IsNpgsql())
                    await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({UpcomingSteps.LockKey})", ct);
                db.AuditEvent("plan.notices", nameof(FollowUpPlan), null, "为临近的首次呼叫生成首呼前告知短信");
                await db.SaveChangesAsync(ct);
                // Read after the lock: a run that got here first has cleared the marks of what it wrote.
                var calls = await Marked(db, until, after).AsNoTracking().Include(t => t.Plan).Include(t => t.Step)
                    .OrderBy(t => t.Id).Take(Batch).ToListAsync(ct);
                if (calls.Count == 0)
                    break;
                after = calls[^1].Id;
                var keys = calls.Select(c => ContactNotices.KeyFor(c.IdempotencyKey)).ToList();
                var existing = (await db.Tasks.Where(t => EF.Parameter(keys).Contains(t.IdempotencyKey)).Select(t => t.IdempotencyKey).ToListAsync(ct)).ToHashSet();
                var hospitals = new Dictionary<int, ContactNotices>();
                var notices = new List<FollowUpTask>();
                var cleared = new List<long>();
                var candidates = new List<(FollowUpTask Call, ContactNotices Hospital, FollowUpTask Notice)>();
                foreach (var call in calls)
                {
                    if (existing.Contains(ContactNotices.KeyFor(call.IdempotencyKey)))
                    {
                        cleared.Add(call.Id);
                        continue;
                    }
                    if (!hospitals.TryGetValue(call.HospitalId, out var hospital))
                        hospitals[call.HospitalId] = hospital = await ContactNotices.ForHospitalAsync(db, call.HospitalId, ct);
                    if (!hospital.Policy.PreCallNoticeEnabled)
                    {
                        cleared.Add(call.Id);   // turned off since the plan was made: the hospital's setting now holds
                        continue;
                    }
                    candidates.Add((call, hospital, hospital.DeferredNoticeTask(call.Plan!, call, now)));
                }
                // The patients' contact facts (do-not-contact list, consent, marks) for all notices at once, not per notice.
                var facts = new Dictionary<(int, long), ContactFacts>();
                foreach (var hospital in candidates.GroupBy(c => c.Call.HospitalId))
                    foreach (var (patientId, f) in await ContactFactsBatch.LoadAsync(db, hospital.Key, hospital.Select(c => c.Notice.PatientId).ToList(), sms: true, now, ct))
                        facts[(hospital.Key, patientId)] = f;
                foreach (var (call, hospital, notice) in candidates)
                {
                    if (ContactRules.Decide(hospital.Policy, ContactTask.Of(notice), facts[(call.HospitalId, notice.PatientId)], now) is ContactDecision.Refuse)
                    {
                        if (call.NoticeAt <= now)
                            cleared.Add(call.Id);
                        continue;
                    }
                    (notice.Plan, notice.PlanId) = (null, call.PlanId);
                    notices.Add(notice);
                    cleared.Add(call.Id);
                }
                var ids = await BulkAppend.NextKeysAsync<FollowUpTask>(db, notices.Count, ct);
                for (var i = 0; i < notices.Count; i++)
                    notices[i].Id = ids[i];
                await BulkAppend.InsertUntrackedAsync(db, notices, ct);
                await db.Tasks.Where(t => EF.Parameter(cleared).Contains(t.Id)).ExecuteUpdateAsync(u => u.SetProperty(t => t.NoticeAt, (DateTime?)null), ct);
                if (ownTransaction is not null)
                    await ownTransaction.CommitAsync(ct);
                written += notices.Count;
            }
            db.ChangeTracker.Clear();
        }
        return written;
    }

    /// Open first calls of open plans whose notice is still to be written and goes out by `until`.
    private static IQueryable<FollowUpTask> Marked(SuifangDbContext db, DateTime until, long after) =>
        db.Tasks.Where(t => t.NoticeAt != null && t.NoticeAt <= until && t.Id > after
            && (t.State == TaskState.Pending || t.State == TaskState.Due)
            && (t.Plan!.Status == PlanStatus.Active || t.Plan.Status == PlanStatus.Scheduled));
}
