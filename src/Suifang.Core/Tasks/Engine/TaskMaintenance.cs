using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;

namespace Suifang.Core.Tasks.Engine;

/// The engine's housekeeping: Pending → Due when the time comes, expired leases back to Due, and waiting tasks
/// (questionnaire sent, no reply) closed at their FallbackAt so the next channel starts.
public static class TaskMaintenance
{
    public sealed record Result(int Promoted, int Returned, int TimedOut);

    public static async Task<Result> RunAsync(SuifangDbContext db, DateTime now, CancellationToken ct)
    {
        var promoted = await PromoteAsync(db, now, ct);
        var returned = await TaskLeaser.ReturnExpiredLeasesAsync(db, null, now, ct);
        var timedOut = await CloseUnansweredAsync(db, now, ct);
        return new Result(promoted, returned, timedOut);
    }

    /// Per queue, so that each runs on the (Queue, State, NextAttemptAt) index and touches only the tasks that came due.
    public static async Task<int> PromoteAsync(SuifangDbContext db, DateTime now, CancellationToken ct)
    {
        TaskTransitions.Require(TaskState.Pending, TaskState.Due);
        var promoted = 0;
        foreach (var queue in TaskQueueSetting.AllQueues)
            promoted += await db.Tasks.Where(t => t.Queue == queue && t.State == TaskState.Pending && !t.Paused && t.NextAttemptAt <= now)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.State, TaskState.Due)
                    .SetProperty(t => t.Version, t => t.Version + 1).SetProperty(t => t.UpdatedAt, now), ct);
        return promoted;
    }

    /// Running tasks without a lease are waiting for the patient; past FallbackAt (NextAttemptAt) they are unreached.
    public static async Task<int> CloseUnansweredAsync(SuifangDbContext db, DateTime now, CancellationToken ct)
    {
        var waiting = await db.Tasks.Include(t => t.Step).ThenInclude(s => s!.Node).Include(t => t.Plan)
            .Where(t => TaskQueueSetting.AllQueues.Contains(t.Queue) && t.State == TaskState.Running && t.LeaseOwner == null && !t.Paused && t.NextAttemptAt <= now)
            .OrderBy(t => t.NextAttemptAt).Take(500).ToListAsync(ct);
        foreach (var task in waiting)
        {
            task.LastFailureReason = TaskOutcomes.NoReply;
            task.Outcome = TaskOutcomes.NoReply;
            TaskTransitions.Move(task, TaskState.Unreached, now);
            await TaskOutcomes.FallBackAsync(db, task, now, now, ct);
        }
        if (waiting.Count > 0)
            await db.SaveChangesAsync(ct);
        return waiting.Count;
    }

    /// The patient answered a waiting task (e.g. submitted the questionnaire): it completes and its step's other tasks
    /// are cancelled. Returns false when the task is not waiting any more.
    public static async Task<bool> AnswerAsync(SuifangDbContext db, long taskId, string summary, DateTime now, CancellationToken ct)
    {
        var task = await db.Tasks.Include(t => t.Step).ThenInclude(s => s!.Node).Include(t => t.Plan).FirstOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is not { State: TaskState.Running, LeaseOwner: null })
            return false;
        task.Outcome = summary;
        await TaskOutcomes.CompleteAsync(db, task, now, ct);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
