namespace Suifang.Core.Tasks;

/// The one place that says which state changes a task may make (7.2.2). Every transition goes through Move, which
/// refuses the others, bumps the Version concurrency token (so two workers cannot both move one task) and stamps times.
public static class TaskTransitions
{
    private static readonly Dictionary<TaskState, TaskState[]> Allowed = new()
    {
        // The window opened; or cancelled before it did.
        [TaskState.Pending] = [TaskState.Due, TaskState.Cancelled],
        // A worker leased it; postponed before the lease (the contact gate said "not now"); cancelled.
        [TaskState.Due] = [TaskState.Leased, TaskState.Pending, TaskState.Cancelled],
        // The effect starts; the lease expired (Due); the contact gate postponed it (Due, or Pending when the new time is
        // later: only tasks whose time came are Due, so the lease reads no waiting task); cancelled.
        [TaskState.Leased] = [TaskState.Running, TaskState.Due, TaskState.Pending, TaskState.Cancelled],
        // Finished one way or another; a redial or a postponement: Due when it may go at once, else Pending until
        // promotion makes it Due at its time; cancelled (answered elsewhere).
        [TaskState.Running] = [TaskState.Completed, TaskState.Unreached, TaskState.Failed, TaskState.Due, TaskState.Pending, TaskState.Cancelled],
        // Manual retry of a closed task that did not succeed.
        [TaskState.Unreached] = [TaskState.Due],
        [TaskState.Failed] = [TaskState.Due],
        [TaskState.Cancelled] = [TaskState.Due],
        [TaskState.Completed] = [],
    };

    public static bool CanMove(TaskState from, TaskState to) => Allowed[from].Contains(to);

    /// Where a task that goes again waits: Due if it may go now, else Pending (the maintenance job promotes it at its
    /// time). Keeping waiting tasks out of Due is what lets every policy's lease read only the rows it takes.
    public static TaskState Again(DateTime nextAttemptAt, DateTime now) => nextAttemptAt <= now ? TaskState.Due : TaskState.Pending;

    public static IReadOnlyList<TaskState> From(TaskState state) => Allowed[state];

    /// States a worker may be acting in: the task holds a line and the patient.
    public static bool IsActive(TaskState state) => state is TaskState.Leased or TaskState.Running;

    public static bool IsClosed(TaskState state) =>
        state is TaskState.Completed or TaskState.Unreached or TaskState.Failed or TaskState.Cancelled;

    /// For set-based updates written in SQL (promotion, lease, reaping): refuses a change the table does not allow.
    public static void Require(TaskState from, TaskState to)
    {
        if (!CanMove(from, to))
            throw new InvalidTaskTransitionException(0, from, to);
    }

    public static void Move(FollowUpTask task, TaskState to, DateTime now)
    {
        if (!CanMove(task.State, to))
            throw new InvalidTaskTransitionException(task.Id, task.State, to);
        var from = task.State;
        task.State = to;
        task.Version++;
        task.UpdatedAt = now;
        if (IsClosed(to))
        {
            task.FinishedAt = now;
            task.LeaseOwner = null;
            task.LeaseExpiresAt = null;
        }
        else if (IsClosed(from))
        {
            task.FinishedAt = null;
        }
        if (to is TaskState.Due or TaskState.Pending)
        {
            task.LeaseOwner = null;
            task.LeaseExpiresAt = null;
        }
        Observability.SuifangMetrics.TaskTransitions.Add(1,
            new KeyValuePair<string, object?>("queue", task.Queue), new KeyValuePair<string, object?>("to", to.ToString()));
    }
}

public sealed class InvalidTaskTransitionException(long taskId, TaskState from, TaskState to)
    : InvalidOperationException($"任务 {taskId} 不能从“{TaskStateNames.Of(from)}”变为“{TaskStateNames.Of(to)}”。")
{
    public TaskState From { get; } = from;
    public TaskState To { get; } = to;
}

public static class TaskStateNames
{
    public static string Of(TaskState state) => state switch
    {
        TaskState.Pending => "未到时间",
        TaskState.Due => "待执行",
        TaskState.Leased => "已领取",
        TaskState.Running => "执行中",
        TaskState.Completed => "已完成",
        TaskState.Unreached => "未接通",
        TaskState.Failed => "失败",
        TaskState.Cancelled => "已取消",
        _ => state.ToString(),
    };
}
