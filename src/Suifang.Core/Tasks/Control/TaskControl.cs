using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Plans;
using Suifang.Core.Tasks.Engine;

namespace Suifang.Core.Tasks.Control;

public enum TaskAction
{
    Pause = 1,
    Resume = 2,
    Cancel = 3,
    Retry = 4,
}

/// The result of a manual action: how many tasks changed, or why none could (in Chinese, with what to do).
public sealed record TaskActionResult(int Changed, string? Error = null)
{
    public bool Ok => Error is null;
}

/// 人工干预 (7.2.2.2 d): pause, resume, cancel or retry one task or every task of a queue, within the staff member's
/// departments. Each change goes through TaskTransitions and bumps the version, so a worker holding the task notices.
public static class TaskControl
{
    public static async Task<TaskActionResult> OnTaskAsync(SuifangDbContext db, StaffScope staff, long taskId, TaskAction action,
        DateTime now, CancellationToken ct)
    {
        var task = await db.Tasks.Include(t => t.Step).FirstOrDefaultAsync(t => t.Id == taskId && t.HospitalId == staff.HospitalId, ct);
        if (task is null || !staff.CanSeeDepartment(task.DepartmentId))
            return new TaskActionResult(0, $"找不到编号为 {taskId} 的任务，或它不属于您负责的科室。");
        var error = Apply(task, action, staff.UserName, now);
        if (error is not null)
            return new TaskActionResult(0, error);
        await AfterAsync(db, task, action, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new TaskActionResult(0, "任务刚刚被执行程序改变了状态，请刷新后再试。");
        }
        return new TaskActionResult(1);
    }

    /// The queue's tasks in the staff member's departments that the action applies to, in chunks.
    public static async Task<TaskActionResult> OnQueueAsync(SuifangDbContext db, StaffScope staff, string queue, TaskAction action,
        DateTime now, CancellationToken ct)
    {
        var q = db.Tasks.Include(t => t.Step).Where(t => t.Queue == queue && t.HospitalId == staff.HospitalId);
        if (!staff.AllDepartments)
            q = q.Where(t => staff.DepartmentIds.Contains(t.DepartmentId));
        q = action switch
        {
            TaskAction.Pause => q.Where(t => !t.Paused && (t.State == TaskState.Pending || t.State == TaskState.Due)),
            TaskAction.Resume => q.Where(t => t.Paused),
            TaskAction.Cancel => q.Where(t => t.State == TaskState.Pending || t.State == TaskState.Due),
            _ => q.Where(t => t.State == TaskState.Unreached || t.State == TaskState.Failed),
        };
        var changed = 0;
        for (long after = 0; ;)
        {
            var from = after;
            var chunk = await q.Where(t => t.Id > from).OrderBy(t => t.Id).Take(500).ToListAsync(ct);
            if (chunk.Count == 0)
                break;
            foreach (var task in chunk)
            {
                if (Apply(task, action, staff.UserName, now) is null)
                {
                    await AfterAsync(db, task, action, ct);
                    changed++;
                }
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            after = chunk[^1].Id;
            if (chunk.Count < 500)
                break;
        }
        return new TaskActionResult(changed);
    }

    private static string? Apply(FollowUpTask task, TaskAction action, string by, DateTime now)
    {
        switch (action)
        {
            case TaskAction.Pause:
                if (!task.IsOpen) return "任务已经结束，无需暂停。";
                if (task.Paused) return "任务已经暂停。";
                task.Paused = true;
                break;
            case TaskAction.Resume:
                if (!task.Paused) return "任务没有暂停，无需恢复。";
                task.Paused = false;
                break;
            case TaskAction.Cancel:
                if (!TaskTransitions.CanMove(task.State, TaskState.Cancelled))
                    return $"任务已“{TaskStateNames.Of(task.State)}”，不能取消。";
                TaskTransitions.Move(task, TaskState.Cancelled, now);
                task.Outcome = $"由{by}人工取消";
                return null;
            case TaskAction.Retry:
                if (task.State is TaskState.Pending or TaskState.Due)
                {
                    // Not yet tried: retry means "now".
                    task.NextAttemptAt = now;
                    task.Paused = false;
                    if (task.State == TaskState.Pending)
                    {
                        TaskTransitions.Move(task, TaskState.Due, now);
                        return null;
                    }
                    break;
                }
                if (!TaskTransitions.CanMove(task.State, TaskState.Due))
                    return $"任务已“{TaskStateNames.Of(task.State)}”，不能重试。只有未接通、失败或已取消的任务可以重试。";
                TaskTransitions.Move(task, TaskState.Due, now);
                task.NextAttemptAt = now;
                task.Attempts = 0;
                task.Paused = false;
                task.Outcome = $"由{by}人工重试";
                return null;
        }
        task.Version++;
        task.UpdatedAt = now;
        return null;
    }

    private static async Task AfterAsync(SuifangDbContext db, FollowUpTask task, TaskAction action, CancellationToken ct)
    {
        if (action == TaskAction.Cancel)
            await TaskOutcomes.CloseStepIfNothingOpenAsync(db, task, StepStatus.Cancelled, ct);
        else if (action == TaskAction.Retry && task.Step is { } step && step.Status != StepStatus.Done)
            step.Status = StepStatus.InProgress;
    }
}
