using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Tasks;

namespace Suifang.Core.Plans.Metrics;

/// Closes the plans whose steps have all finished and records their E_p and P_p. A step counts as finished when its
/// status says so, or when it has tasks and none of them is open any more (then Done if one completed, else Unreached).
public static class ClosePlans
{
    /// Completes one plan if all its steps are finished; returns true when it did. The engine may call this after
    /// a task of the plan finishes; the daily job calls it for every open plan.
    public static async Task<bool> CompleteIfFinishedAsync(SuifangDbContext db, long planId, DateTime now, CancellationToken ct)
    {
        var plan = await db.Plans.Include(p => p.Steps).SingleOrDefaultAsync(p => p.Id == planId, ct);
        // Later steps not yet made rows (LaterSteps) are still to come: the plan is not finished.
        if (plan is null || plan.Status is not (PlanStatus.Active or PlanStatus.Scheduled) || plan.LaterStepsFrom is not null)
            return false;
        var stepIds = plan.Steps.Select(s => s.Id).ToList();
        var tasks = (await db.Tasks.AsNoTracking().Where(t => t.PlanStepId != null && EF.Parameter(stepIds).Contains(t.PlanStepId.Value))
            .Select(t => new { t.PlanStepId, t.State, t.FinishedAt }).ToListAsync(ct)).ToLookup(t => t.PlanStepId!.Value);
        foreach (var step in plan.Steps.Where(s => s.Status is StepStatus.Waiting or StepStatus.InProgress))
        {
            var own = tasks[step.Id].ToList();
            if (own.Count == 0 || own.Any(t => t.State is TaskState.Pending or TaskState.Due or TaskState.Leased or TaskState.Running))
                return false;
            step.Status = own.Any(t => t.State == TaskState.Completed) ? StepStatus.Done
                : own.All(t => t.State == TaskState.Cancelled) ? StepStatus.Cancelled : StepStatus.Unreached;
            step.CompletedAt ??= own.Max(t => t.FinishedAt) ?? now;
        }
        plan.Status = PlanStatus.Completed;
        plan.ClosedAt = now;
        plan.ClosedReason = "所有步骤已执行完";
        var f = PlanMetrics.Record(plan);
        db.AuditEvent("plan.complete", nameof(FollowUpPlan), plan.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"随访计划 {plan.Id} 已完成：执行 {f.Operations} 步，有效 {f.Effective} 步，结果正确 {f.Correct} 步");
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// Every open plan whose last step's window has opened: the candidates for closing.
    public static async Task<int> CloseFinishedAsync(SuifangDbContext db, DateTime now, CancellationToken ct)
    {
        var candidates = await db.Plans.AsNoTracking()
            .Where(p => (p.Status == PlanStatus.Active || p.Status == PlanStatus.Scheduled) && p.LaterStepsFrom == null && !p.Steps.Any(s => s.DueFrom > now))
            .OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
        var closed = 0;
        foreach (var id in candidates)
        {
            if (await CompleteIfFinishedAsync(db, id, now, ct))
                closed++;
            db.ChangeTracker.Clear();
        }
        return closed;
    }
}

/// Plans created to start at a set time become active when that time comes (their tasks already wait for it).
public static class ActivatePlans
{
    public static Task<int> ActivateDueAsync(SuifangDbContext db, DateTime now, CancellationToken ct) =>
        db.Plans.Where(p => p.Status == PlanStatus.Scheduled && p.StartAt <= now)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, PlanStatus.Active), ct);
}
