using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Plans;

namespace Suifang.Core.Tasks.Engine;

/// 迟到的回答: the patient answered (submitted the questionnaire) after the task had stopped waiting and the step's
/// fallback (the phone reminder) was created. Issue #3's rule holds all the same: a step done by any channel cancels every
/// pending reminder and fallback at once. A call in progress — a task running under a worker's lease, or a manual task a
/// nurse has claimed — is left to finish: its answers are stored as a second source, and a finishing call neither redials
/// nor falls back on a step already done (TaskOutcomes).
public static class LateAnswers
{
    public const string Cancelled = "患者已提交问卷（回复晚于等待时间），这条提醒自动取消";

    /// Returns how many pending tasks were cancelled; 0 when the task is still open (AnswerAsync handles that) or unknown.
    public static async Task<int> ApplyAsync(SuifangDbContext db, long taskId, string summary, DateTime now, CancellationToken ct)
    {
        var task = await db.Tasks.Include(t => t.Step).FirstOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null || !TaskTransitions.IsClosed(task.State) || task.PlanStepId is not { } stepId)
            return 0;
        var claimed = db.ManualQueue.Where(e => e.ClosedAt == null && e.ClaimedBy != null && e.ClaimExpiresAt > now).Select(e => e.TaskId);
        var pending = await db.Tasks
            .Where(t => t.PlanStepId == stepId && t.Id != taskId
                && (t.State == TaskState.Pending || t.State == TaskState.Due || t.State == TaskState.Leased
                    || (t.State == TaskState.Running && t.LeaseOwner == null))
                && !claimed.Contains(t.Id))
            .ToListAsync(ct);
        foreach (var t in pending)
        {
            // A leased task has not begun its effect: the start's conditional UPDATE leaves a cancelled one out.
            TaskTransitions.Move(t, TaskState.Cancelled, now);
            t.Outcome = Cancelled;
        }
        task.Outcome = Clip($"{task.Outcome}；{now:MM-dd HH:mm} 患者补交：{summary}");
        task.UpdatedAt = now;
        if (task.Step is { Status: not (StepStatus.Done or StepStatus.Cancelled) } step)
        {
            step.Status = StepStatus.Done;
            step.CompletedAt = now;
        }
        await db.SaveChangesAsync(ct);
        return pending.Count;
    }

    private static string Clip(string s) => s.Length > 256 ? s[..256] : s;
}
