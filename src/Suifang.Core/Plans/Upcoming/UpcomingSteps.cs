using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Tasks;

namespace Suifang.Core.Plans.Upcoming;

/// A plan makes tasks only for the steps that come near (StepTasks.Horizon); this makes the first channel's task of every
/// waiting step of an active or scheduled plan once its time is that near, the same task the plan would have made.
/// Run by the hourly plan job and the daily plan creation. A step gets at most one such task: a step that has any task
/// is skipped, and runs do not overlap (the write lock is taken before the steps are read: on SQLite by the audit entry,
/// on PostgreSQL by an advisory lock as well). Cancelled or stopped plans and cancelled steps get nothing. Before that,
/// the plans' later steps (LaterSteps) that come within the horizon are made rows (MaterialiseAsync); after it, the
/// pre-call notices that go out soon are written (PreCallNotices).
public static class UpcomingSteps
{
    private const int Batch = 5_000;

    // pg_advisory_xact_lock key of this job ("SfUpStep").
    internal const long LockKey = 0x5366_5570_5374_6570;

    public static async Task<int> CreateTasksAsync(SuifangDbContext db, DateTime now, CancellationToken ct)
    {
        var until = now + StepTasks.Horizon;
        await MaterialiseAsync(db, until, ct);
        var created = 0;
        while (await Waiting(db, until).AnyAsync(ct))
        {
            var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            int count;
            await using (ownTransaction)
            {
                if (db.Database.IsNpgsql())
                    await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({LockKey})", ct);
                db.AuditEvent("plan.tasks", nameof(FollowUpPlan), null, "为临近的随访步骤生成任务");
                await db.SaveChangesAsync(ct);
                var steps = await Waiting(db, until).AsNoTracking().Include(s => s.Node).OrderBy(s => s.Id).Take(Batch).ToListAsync(ct);
                var planIds = steps.Select(s => s.PlanId).Distinct().ToList();
                var plans = await db.Plans.AsNoTracking().Where(p => EF.Parameter(planIds).Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
                var tasks = new List<FollowUpTask>(steps.Count);
                foreach (var step in steps)
                {
                    var plan = plans[step.PlanId];
                    var notBefore = plan.StartAt is { } at && at > step.DueFrom ? at : step.DueFrom;
                    var task = StepTasks.Create(plan, step, 0, notBefore, now);
                    (task.PlanId, task.PlanStepId) = (plan.Id, step.Id);
                    tasks.Add(task);
                }
                var keys = await BulkAppend.NextKeysAsync<FollowUpTask>(db, tasks.Count, ct);
                for (var i = 0; i < tasks.Count; i++)
                    tasks[i].Id = keys[i];
                await BulkAppend.InsertUntrackedAsync(db, tasks, ct);
                if (ownTransaction is not null)
                    await ownTransaction.CommitAsync(ct);
                count = tasks.Count;
            }
            db.ChangeTracker.Clear();
            created += count;
            if (count < Batch)
                break;
        }
        await PreCallNotices.WriteDueAsync(db, now, ct);
        return created;
    }

    /// Makes rows of the plans' later steps (LaterSteps) whose window starts within the horizon, in order, each
    /// depending on the step before it; returns how many. Runs under the same lock as the task creation, and the unique
    /// index on (plan, order) refuses a second row for a step even if two runs got past it.
    public static async Task<int> MaterialiseAsync(SuifangDbContext db, DateTime until, CancellationToken ct)
    {
        var made = 0;
        while (await Projected(db, until).AnyAsync(ct))
        {
            var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            int count;
            await using (ownTransaction)
            {
                if (db.Database.IsNpgsql())
                    await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({LockKey})", ct);
                db.AuditEvent("plan.steps", nameof(FollowUpPlan), null, "临近的后续随访步骤生成为执行步骤");
                await db.SaveChangesAsync(ct);
                // Read after the lock: a run that got here first has already moved these plans on.
                var plans = await Projected(db, until).OrderBy(p => p.Id).Take(Batch).ToListAsync(ct);
                var planIds = plans.Select(p => p.Id).ToList();
                var lastRows = (await db.PlanSteps.AsNoTracking().Where(s => EF.Parameter(planIds).Contains(s.PlanId))
                        .Select(s => new { s.PlanId, s.Id, s.Order }).ToListAsync(ct))
                    .GroupBy(s => s.PlanId).ToDictionary(g => g.Key, g => g.MaxBy(s => s.Order)!);
                var sources = await LaterSteps.SourcesAsync(db, plans.Select(p => p.LaterSteps), ct);
                var rows = new List<PlanStep>();
                foreach (var plan in plans)
                {
                    var later = LaterSteps.Read(plan.LaterSteps, plan.AnchorTime, sources);
                    var due = later.Where(s => s.DueFrom <= until).OrderBy(s => s.Order).ToList();
                    var left = later.Except(due).ToList();
                    plan.LaterSteps = LaterSteps.Rest(plan.LaterSteps, later, left);
                    plan.LaterStepsFrom = left.Count == 0 ? null : left.Min(s => s.DueFrom);
                    var last = lastRows.GetValueOrDefault(plan.Id);
                    foreach (var s in due.Where(s => last is null || s.Order > last.Order))
                        rows.Add(LaterSteps.ToStep(s, plan.Id, StepStatus.Waiting));
                }
                var keys = await BulkAppend.NextKeysAsync<PlanStep>(db, rows.Count, ct);
                for (var i = 0; i < rows.Count; i++)
                {
                    rows[i].Id = keys[i];
                    // 7.2.1.1 c: each sub-goal waits for the one before it.
                    rows[i].DependsOnStepId = i > 0 && rows[i - 1].PlanId == rows[i].PlanId ? rows[i - 1].Id : lastRows.GetValueOrDefault(rows[i].PlanId)?.Id;
                }
                await BulkAppend.InsertUntrackedWithJsonAsync(db, rows, ct, s => s.NodeId is null);
                await db.SaveChangesAsync(ct);
                if (ownTransaction is not null)
                    await ownTransaction.CommitAsync(ct);
                count = plans.Count;
                made += rows.Count;
            }
            db.ChangeTracker.Clear();
            if (count < Batch)
                break;
        }
        return made;
    }

    /// Open plans with later steps whose window starts within the horizon.
    private static IQueryable<FollowUpPlan> Projected(SuifangDbContext db, DateTime until) =>
        db.Plans.Where(p => p.LaterStepsFrom != null && p.LaterStepsFrom <= until
            && (p.Status == PlanStatus.Active || p.Status == PlanStatus.Scheduled));

    /// Waiting steps of open plans whose time has come within the horizon and that have no task yet.
    private static IQueryable<PlanStep> Waiting(SuifangDbContext db, DateTime until) =>
        db.PlanSteps.Where(s => s.Status == StepStatus.Waiting && s.DueFrom <= until
            && db.Plans.Any(p => p.Id == s.PlanId && (p.Status == PlanStatus.Active || p.Status == PlanStatus.Scheduled))
            && !db.Tasks.Any(t => t.PlanStepId == s.Id));
}
