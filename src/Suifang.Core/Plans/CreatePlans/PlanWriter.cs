using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Plans.BuildPlan;
using Suifang.Core.Tasks;

namespace Suifang.Core.Plans.CreatePlans;

/// Saves built plans with their pathways, steps and first tasks in one transaction, without tracking them: keys are
/// taken first, then each table is written with multi-row inserts (BulkAppend). One path for one plan and for 100,000.
public static class PlanWriter
{
    /// Returns the saved plans (with their ids); refused builds are left out. The audit entry is written first, inside
    /// the same transaction: on SQLite that takes the write lock before the keys are read.
    public static async Task<IReadOnlyList<FollowUpPlan>> SaveAsync(SuifangDbContext db, IReadOnlyList<PlanBuild> builds, string auditSummary,
        DateTime now, CancellationToken ct)
    {
        var plans = builds.Where(b => !b.Refused).Select(b => b.Plan!).ToList();
        if (plans.Count == 0)
            return plans;
        var tasks = builds.Where(b => !b.Refused).SelectMany(b => b.Tasks).ToList();
        var bigSqliteBatch = plans.Count >= 1_000 && !db.Database.IsNpgsql();
        if (bigSqliteBatch)
            // Each new task enters seven indexes, several at scattered places: with SQLite's default 2 MB page cache a large
            // batch keeps re-reading index pages. 64 MB for this connection while it writes the batch.
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size=-65536", ct);
        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await using (ownTransaction)
        {
            db.AuditEvent("plan.create", nameof(FollowUpPlan), plans.Count == 1 ? plans[0].PatientId.ToString(System.Globalization.CultureInfo.InvariantCulture) : null, auditSummary);
            await db.SaveChangesAsync(ct);
            var steps = plans.SelectMany(p => p.Steps).ToList();
            tasks.AddRange(await PreCallNoticesAsync(db, plans, tasks, now, ct));
            await AssignKeysAsync(db, plans, steps, tasks, ct);
            await BulkAppend.InsertUntrackedAsync(db, plans, ct);
            await BulkAppend.InsertUntrackedAsync(db, plans.SelectMany(p => p.Pathways).ToList(), ct);
            // A step that refers to its frozen pathway node stores no copy of the node's questions, triggers and channels.
            await BulkAppend.InsertUntrackedWithJsonAsync(db, steps, ct, s => s.NodeId is null);
            await BulkAppend.InsertUntrackedAsync(db, tasks, ct);

            var used = plans.SelectMany(p => p.Pathways).Select(x => x.PathwayId).Distinct().ToList();
            await db.Pathways.Where(p => EF.Parameter(used).Contains(p.Id) && p.FirstUsedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.FirstUsedAt, now), ct);
            if (ownTransaction is not null)
                await ownTransaction.CommitAsync(ct);
        }
        if (bigSqliteBatch)
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size=-2000", ct);
        Observability.SuifangMetrics.PlansCreated.Add(plans.Count);
        return plans;
    }

    private static async Task AssignKeysAsync(SuifangDbContext db, List<FollowUpPlan> plans, List<PlanStep> steps, List<FollowUpTask> tasks,
        CancellationToken ct)
    {
        var planKeys = await BulkAppend.NextKeysAsync<FollowUpPlan>(db, plans.Count, ct);
        var stepKeys = await BulkAppend.NextKeysAsync<PlanStep>(db, steps.Count, ct);
        var taskKeys = await BulkAppend.NextKeysAsync<FollowUpTask>(db, tasks.Count, ct);
        var s = 0;
        for (var i = 0; i < plans.Count; i++)
        {
            var plan = plans[i];
            plan.Id = planKeys[i];
            foreach (var x in plan.Pathways)
                x.PlanId = plan.Id;
            PlanStep? previous = null;
            foreach (var step in plan.Steps.OrderBy(st => st.Order))
            {
                step.Id = stepKeys[s++];
                step.PlanId = plan.Id;
                // 7.2.1.1 c: each sub-goal waits for the one before it.
                step.DependsOnStepId = previous?.Id;
                previous = step;
            }
        }
        for (var i = 0; i < tasks.Count; i++)
        {
            var t = tasks[i];
            t.Id = taskKeys[i];
            t.PlanId = t.Plan!.Id;
            t.PlanStepId = t.Step?.Id;
        }
    }

    /// The pre-call SMS notice (issue #3 "Reach"): every plan — by hand, by rule on arrival, by the daily job — is
    /// inserted here, so the SMS saying which number will call and why is added here, before the plan's first call.
    private static async Task<List<FollowUpTask>> PreCallNoticesAsync(SuifangDbContext db, List<FollowUpPlan> plans, List<FollowUpTask> tasks,
        DateTime now, CancellationToken ct)
    {
        var notices = new List<FollowUpTask>();
        var firstCalls = tasks.Where(t => t.ChannelIndex == 0 && t.Channel is (ChannelKind.AiCall or ChannelKind.Manual) && t.Plan is not null)
            .GroupBy(t => t.Plan!)
            .ToDictionary(g => g.Key, g => g.OrderBy(t => t.NextAttemptAt).First());
        foreach (var hospital in plans.GroupBy(p => p.HospitalId))
        {
            var notice = await Contact.ContactNotices.ForHospitalAsync(db, hospital.Key, ct);
            foreach (var plan in hospital)
                if (firstCalls.TryGetValue(plan, out var call) && notice.NoticeTaskFor(plan, call, now) is { } sms)
                    notices.Add(sms);
        }
        return notices;
    }
}
