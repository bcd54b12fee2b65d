using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Plans;

namespace Suifang.Core.Tasks.Engine;

/// Leased → Running: the contact gate is asked, then the attempt (with its effect key) is written in the same
/// transaction as the state change, BEFORE the channel acts. A Running task taken over after a crash is resumed with its
/// open attempt: the same effect key, so an effect that may have happened is not repeated.
public static class TaskStarts
{
    public static string EffectKey(long taskId, int attempt) => $"task:{taskId}:attempt:{attempt}";

    public static async Task<List<TaskExecution>> StartAsync(SuifangDbContext db, IReadOnlyCollection<long> ids, string owner,
        IContactGate gate, DateTime now, CancellationToken ct)
    {
        if (ids.Count == 0)
            return [];
        var tasks = await db.Tasks.Include(t => t.Step).Include(t => t.Plan)
            .Where(t => ids.Contains(t.Id) && t.LeaseOwner == owner).ToListAsync(ct);
        var executions = new List<TaskExecution>();
        foreach (var task in tasks)
        {
            if (task.State == TaskState.Running)
            {
                var open = await db.TaskAttempts.Where(a => a.TaskId == task.Id && a.Number == task.LastAttemptNumber).FirstOrDefaultAsync(ct);
                if (open is not null)
                    executions.Add(new TaskExecution(task, open.Number, open.EffectKey));
                continue;
            }
            if (task.State != TaskState.Leased)
                continue;
            switch (await gate.CheckAsync(db, task, now, ct))
            {
                case ContactDecision.Postpone p:
                    TaskTransitions.Move(task, TaskState.Due, now);
                    task.NextAttemptAt = p.Until;
                    task.Outcome = Clip(p.Reason);
                    break;
                case ContactDecision.Refuse r:
                    TaskTransitions.Move(task, TaskState.Cancelled, now);
                    task.Outcome = Clip(r.Reason);
                    await TaskOutcomes.CloseStepIfNothingOpenAsync(db, task, StepStatus.Cancelled, ct);
                    break;
                default:
                    executions.Add(Begin(db, task, now));
                    break;
            }
        }
        await db.SaveChangesAsync(ct);
        return executions;
    }

    private static TaskExecution Begin(SuifangDbContext db, FollowUpTask task, DateTime now)
    {
        TaskTransitions.Move(task, TaskState.Running, now);
        task.Attempts++;
        task.LastAttemptNumber++;
        var key = EffectKey(task.Id, task.LastAttemptNumber);
        db.TaskAttempts.Add(new TaskAttempt { TaskId = task.Id, Number = task.LastAttemptNumber, StartedAt = now, EffectKey = key });
        if (task.Step is { Status: StepStatus.Waiting } step)
            step.Status = StepStatus.InProgress;
        return new TaskExecution(task, task.LastAttemptNumber, key);
    }

    private static string? Clip(string? s) => s is { Length: > 256 } ? s[..256] : s;
}
