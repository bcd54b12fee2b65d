using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Plans;

namespace Suifang.Core.Tasks.Engine;

/// Leased → Running: the contact gate is asked, then the attempt (with its effect key) is written in the same
/// transaction as the state change, BEFORE the channel acts. A Running task taken over after a crash is resumed with its
/// open attempt: the same effect key, so an effect that may have happened is not repeated.
/// The allowed tasks of a batch start in two statements (one guarded UPDATE … RETURNING, one multi-row INSERT of their
/// attempts), not one UPDATE and one INSERT per task: a lease of 200 tasks is one short write transaction.
public static class TaskStarts
{
    public static string EffectKey(long taskId, int attempt) => $"task:{taskId}:attempt:{attempt}";

    public static async Task<List<TaskExecution>> StartAsync(SuifangDbContext db, IReadOnlyCollection<long> ids, string owner,
        IContactGate gate, DateTime now, CancellationToken ct)
    {
        if (ids.Count == 0)
            return [];
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var tasks = await db.Tasks.AsNoTracking().Include(t => t.Step).ThenInclude(s => s!.Node).Include(t => t.Plan)
            .Where(t => ids.Contains(t.Id) && t.LeaseOwner == owner).ToListAsync(ct);
        var executions = new List<TaskExecution>();
        var allowed = new List<FollowUpTask>();
        var decided = new Dictionary<long, ContactDecision>();
        foreach (var task in tasks)
        {
            if (task.State == TaskState.Running)
            {
                var open = await db.TaskAttempts.AsNoTracking().Where(a => a.TaskId == task.Id && a.Number == task.LastAttemptNumber).FirstOrDefaultAsync(ct);
                if (open is not null)
                    executions.Add(new TaskExecution(task, open.Number, open.EffectKey));
                continue;
            }
            if (task.State != TaskState.Leased)
                continue;
            var decision = await gate.CheckAsync(db, task, now, ct);
            if (decision is ContactDecision.Postpone or ContactDecision.Refuse)
                decided[task.Id] = decision;
            else
                allowed.Add(task);
        }
        executions.AddRange(await BeginAsync(db, allowed, owner, now, ct));
        if (decided.Count > 0)
            await HoldBackAsync(db, decided, now, ct);
        await tx.CommitAsync(ct);
        return executions;
    }

    /// The gate said "not now" or "never": the task goes back to Due (Postpone) or is cancelled (Refuse), tracked so the
    /// step is closed when nothing else of it is open.
    private static async Task HoldBackAsync(SuifangDbContext db, Dictionary<long, ContactDecision> decided, DateTime now, CancellationToken ct)
    {
        var ids = decided.Keys.ToList();
        var tasks = await db.Tasks.Include(t => t.Step).ThenInclude(s => s!.Node).Include(t => t.Plan).Where(t => ids.Contains(t.Id) && t.State == TaskState.Leased).ToListAsync(ct);
        foreach (var task in tasks)
        {
            switch (decided[task.Id])
            {
                case ContactDecision.Postpone p:
                    TaskTransitions.Move(task, TaskTransitions.Again(p.Until, now), now);
                    task.NextAttemptAt = p.Until;
                    task.Outcome = Clip(p.Reason);
                    break;
                case ContactDecision.Refuse r:
                    TaskTransitions.Move(task, TaskState.Cancelled, now);
                    task.Outcome = Clip(r.Reason);
                    await TaskOutcomes.CloseStepIfNothingOpenAsync(db, task, StepStatus.Cancelled, ct);
                    break;
            }
        }
        await db.SaveChangesAsync(ct);
    }

    /// Leased → Running for every task still leased by this owner (a task cancelled or taken meanwhile is left out by
    /// the UPDATE's own condition), and their attempts written with the new effect keys.
    private static async Task<List<TaskExecution>> BeginAsync(SuifangDbContext db, List<FollowUpTask> tasks, string owner, DateTime now, CancellationToken ct)
    {
        if (tasks.Count == 0)
            return [];
        TaskTransitions.Require(TaskState.Leased, TaskState.Running);
        var started = await TaskSql.StartAsync(db, tasks.Select(t => t.Id), owner, now, ct);
        if (started.Count == 0)
            return [];
        var executions = new List<TaskExecution>(started.Count);
        foreach (var task in tasks)
        {
            if (!started.TryGetValue(task.Id, out var number))
                continue;
            task.State = TaskState.Running;
            task.Attempts++;
            task.LastAttemptNumber = number;
            task.Version++;
            task.UpdatedAt = now;
            executions.Add(new TaskExecution(task, number, EffectKey(task.Id, number)));
        }
        await TaskSql.InsertAttemptsAsync(db, executions, now, ct);
        var waitingSteps = executions.Where(e => e.Task.Step is { Status: StepStatus.Waiting }).Select(e => e.Task.Step!.Id).Distinct().ToList();
        foreach (var e in executions.Where(e => e.Task.Step is { Status: StepStatus.Waiting }))
            e.Task.Step!.Status = StepStatus.InProgress;
        if (waitingSteps.Count > 0)
            await db.PlanSteps.Where(s => waitingSteps.Contains(s.Id) && s.Status == StepStatus.Waiting)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, StepStatus.InProgress), ct);
        TaskSql.CountTransitions(executions.Select(e => e.Task.Queue), TaskState.Running);
        return executions;
    }

    private static string? Clip(string? s) => s is { Length: > 256 } ? s[..256] : s;
}
