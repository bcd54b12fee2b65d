using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Plans.BuildPlan;
using Suifang.Core.Tasks;

namespace Suifang.Core.Plans.CreatePlans;

/// A batch of built plans made ready to write (PlanWriter.PrepareAsync): the plans, the step rows to write now (the later
/// steps are kept with each plan: computed, shared or JSON), the tasks with the pre-call notices due soon, and the texts
/// to store once. Made by reading only, so the automatic planner makes it on its second context while the batch before
/// is written (AutoPlanPipeline).
internal sealed record PlanRows(List<FollowUpPlan> Plans, List<PlanStep> Steps, List<FollowUpTask> Tasks, PlanContentBatch Contents);

/// Saves built plans with their pathways, steps and first tasks in one transaction, without tracking them: keys are
/// taken first, then each table is written with multi-row inserts (BulkAppend). One path for one plan and for 100,000.
public static class PlanWriter
{
    /// From this many plans on, SQLite writes the batch with a larger page cache and fewer checkpoints.
    internal const int BigBatch = 1_000;

    /// Returns the saved plans (with their ids); refused builds are left out. The audit entry is written first, inside
    /// the same transaction: on SQLite that takes the write lock before the keys are read.
    public static Task<IReadOnlyList<FollowUpPlan>> SaveAsync(SuifangDbContext db, IReadOnlyList<PlanBuild> builds, string auditSummary,
        DateTime now, CancellationToken ct) =>
        SaveAsync(db, builds, auditSummary, now, ct, computedLaterSteps: true);

    /// Makes the batch ready to write, reading only (contact settings for the notices): splits each plan's steps into the
    /// rows written now and the later steps kept with it, and adds the pre-call notices due soon.
    internal static async Task<PlanRows> PrepareAsync(SuifangDbContext db, IReadOnlyList<PlanBuild> builds, DateTime now, CancellationToken ct,
        bool computedLaterSteps = true)
    {
        var plans = builds.Where(b => !b.Refused).Select(b => b.Plan!).ToList();
        var tasks = builds.Where(b => !b.Refused).SelectMany(b => b.Tasks).ToList();
        // Texts many plans share (merge notes, merged plans' later steps) are stored once each (PlanContent).
        var contents = new PlanContentBatch();
        List<PlanStep> steps;
        using (Phase("plans.project"))
        {
            // Steps after the last one that has a task now are kept with the plan and made rows when they come near.
            var versions = computedLaterSteps ? Versions(builds) : null;
            steps = Upcoming.LaterSteps.Split(plans, tasks, versions, versions is null ? null : contents);
            foreach (var plan in plans)
                if (plan.MergeNotes.Count > 0)
                {
                    var owner = plan;
                    contents.Add(MergeNotes.Write(plan.MergeNotes), id => owner.MergeNotesId = id);
                }
        }
        using (Phase("plans.notices"))
            tasks.AddRange(await PreCallNoticesAsync(db, plans, tasks, now, ct));
        return new PlanRows(plans, steps, tasks, contents);
    }

    /// computedLaterSteps: false stores every plan's later steps as JSON, neither computed nor shared (the form before
    /// round 6; the equivalence tests compare the two).
    internal static async Task<IReadOnlyList<FollowUpPlan>> SaveAsync(SuifangDbContext db, IReadOnlyList<PlanBuild> builds, string auditSummary,
        DateTime now, CancellationToken ct, bool computedLaterSteps)
    {
        var rows = await PrepareAsync(db, builds, now, ct, computedLaterSteps);
        return await SaveAsync(db, rows, auditSummary, now, ct);
    }

    /// Writes a prepared batch (PrepareAsync) in one transaction; returns the saved plans with their ids.
    internal static async Task<IReadOnlyList<FollowUpPlan>> SaveAsync(SuifangDbContext db, PlanRows rows, string auditSummary, DateTime now, CancellationToken ct)
    {
        var plans = rows.Plans;
        if (plans.Count == 0)
            return plans;
        var bigSqliteBatch = plans.Count >= BigBatch && !db.Database.IsNpgsql();
        (long Cache, long Checkpoint) previous = default;
        if (bigSqliteBatch)
        {
            // Each new task enters seven indexes, several at scattered places: with SQLite's default 2 MB page cache a large
            // batch keeps re-reading index pages. 64 MB for this connection while it writes the batch, and a checkpoint
            // every 10,000 log pages instead of 1,000 (index pages that later batches change again are copied into the
            // database file once, not once per batch; durability is the same: a commit is in the log either way).
            // The connection stays open so that the settings and the batch use the same one; the settings it had (an
            // import's bulk session has its own) are given back afterwards.
            await db.Database.OpenConnectionAsync(ct);
            previous = (await PragmaAsync(db, "cache_size", ct), await PragmaAsync(db, "wal_autocheckpoint", ct));
            await PragmaAsync(db, $"cache_size={Math.Min(previous.Cache, -65536)}", ct);
            await PragmaAsync(db, $"wal_autocheckpoint={Math.Max(previous.Checkpoint, 10_000)}", ct);
        }
        try
        {
            await WriteAsync(db, rows, auditSummary, now, ct);
        }
        finally
        {
            if (bigSqliteBatch)
            {
                await PragmaAsync(db, $"cache_size={previous.Cache}", CancellationToken.None);
                await PragmaAsync(db, $"wal_autocheckpoint={previous.Checkpoint}", CancellationToken.None);
                await db.Database.CloseConnectionAsync();
            }
        }
        Observability.SuifangMetrics.PlansCreated.Add(plans.Count);
        return plans;
    }

    /// The ordered nodes of the (saved, so frozen once used) pathway versions the plans are built from, by id.
    private static Dictionary<int, PathwayNode[]> Versions(IReadOnlyList<PlanBuild> builds)
    {
        var seen = new HashSet<Pathway>(ReferenceEqualityComparer.Instance);
        var versions = new Dictionary<int, PathwayNode[]>();
        foreach (var b in builds)
            if (!b.Refused)
                foreach (var p in b.Request.Pathways)
                    if (seen.Add(p) && p.Id > 0 && p.Nodes.All(n => n.Id > 0 && n.PathwayId == p.Id))
                        versions[p.Id] = Upcoming.ComputedLaterSteps.Ordered(p.Nodes);
        return versions;
    }

    private static async Task WriteAsync(SuifangDbContext db, PlanRows rows, string auditSummary, DateTime now, CancellationToken ct)
    {
        var (plans, steps, tasks) = (rows.Plans, rows.Steps, rows.Tasks);
        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await using (ownTransaction)
        {
            using (Phase("plans.write.audit"))
            {
                db.AuditEvent("plan.create", nameof(FollowUpPlan), plans.Count == 1 ? plans[0].PatientId.ToString(System.Globalization.CultureInfo.InvariantCulture) : null, auditSummary);
                await db.SaveChangesAsync(ct);
            }
            using (Phase("plans.write.contents"))
                await rows.Contents.SaveAsync(db, ct);
            using (Phase("plans.write.keys"))
                await AssignKeysAsync(db, plans, steps, tasks, ct);
            using (Phase("plans.write.plans"))
                await BulkAppend.InsertUntrackedAsync(db, plans, ct);
            using (Phase("plans.write.links"))
                await BulkAppend.InsertUntrackedAsync(db, plans.SelectMany(p => p.Pathways).ToList(), ct);
            // A step that refers to its frozen pathway node stores no copy of the node's questions, triggers and channels.
            using (Phase("plans.write.steps"))
                await BulkAppend.InsertUntrackedWithJsonAsync(db, steps, ct, s => s.NodeId is null);
            using (Phase("plans.write.tasks"))
                await BulkAppend.InsertUntrackedAsync(db, tasks, ct);

            using (Phase("plans.write.commit"))
            {
                var used = plans.SelectMany(p => p.Pathways).Select(x => x.PathwayId).Distinct().ToList();
                await db.Pathways.Where(p => EF.Parameter(used).Contains(p.Id) && p.FirstUsedAt == null)
                    .ExecuteUpdateAsync(u => u.SetProperty(p => p.FirstUsedAt, now), ct);
                if (ownTransaction is not null)
                    await ownTransaction.CommitAsync(ct);
            }
        }
    }

    /// Reads ("cache_size") or sets ("cache_size=-65536") a SQLite setting on the context's open connection; the value it has then.
    private static async Task<long> PragmaAsync(SuifangDbContext db, string setting, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = "PRAGMA " + setting;
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct) ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static readonly Comparison<PlanStep> StepWriteOrder = (a, b) =>
        a.Order != b.Order ? a.Order.CompareTo(b.Order)
        : (a.NodeId ?? int.MaxValue) != (b.NodeId ?? int.MaxValue) ? (a.NodeId ?? int.MaxValue).CompareTo(b.NodeId ?? int.MaxValue)
        : string.CompareOrdinal(a.SourceNodeIds, b.SourceNodeIds) is var nodes and not 0 ? nodes
        : a.PlanId.CompareTo(b.PlanId);

    /// A trace section (activity) of plan creation; null, and free, when nothing listens (the bench sums them per phase).
    internal static System.Diagnostics.Activity? Phase(string name) => Observability.SuifangMetrics.Activities.StartActivity(name);

    private static async Task AssignKeysAsync(SuifangDbContext db, List<FollowUpPlan> plans, List<PlanStep> steps, List<FollowUpTask> tasks,
        CancellationToken ct)
    {
        var planKeys = await BulkAppend.NextKeysAsync<FollowUpPlan>(db, plans.Count, ct);
        var stepKeys = await BulkAppend.NextKeysAsync<PlanStep>(db, steps.Count, ct);
        var taskKeys = await BulkAppend.NextKeysAsync<FollowUpTask>(db, tasks.Count, ct);
        for (var i = 0; i < plans.Count; i++)
        {
            var plan = plans[i];
            plan.Id = planKeys[i];
            foreach (var x in plan.Pathways)
                x.PlanId = plan.Id;
            foreach (var step in plan.Steps)
                step.PlanId = plan.Id;
        }
        // Steps from the same pathway node get consecutive keys and are written one after another: consecutive rows then
        // share their title, label, node and channel, which the SQLite inserter does not bind again (SqliteRowInserter).
        steps.Sort(StepWriteOrder);
        for (var i = 0; i < steps.Count; i++)
            steps[i].Id = stepKeys[i];
        foreach (var plan in plans)
        {
            PlanStep? previous = null;
            foreach (var step in plan.Steps.Where(st => st.Id != 0).OrderBy(st => st.Order))
            {
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
    /// inserted here, so the plan's first call is scheduled here the lead time after its notice. A notice that goes out
    /// soon (within PreCallNotices.Lookahead, e.g. a call within minutes) is written with the plan; a later one is left to
    /// the hourly plan job (PreCallNotices), marked on the call (NoticeAt), which halves the rows a plan writes.
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
            {
                if (!firstCalls.TryGetValue(plan, out var call) || notice.Schedule(call, now) is not { } sendAt)
                    continue;
                if (sendAt <= now + Upcoming.PreCallNotices.Lookahead)
                    notices.Add(notice.NoticeTask(plan, call, sendAt, now));
                else
                    call.NoticeAt = sendAt;
            }
        }
        return notices;
    }
}
