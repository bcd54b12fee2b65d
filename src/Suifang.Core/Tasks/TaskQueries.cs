namespace Suifang.Core.Tasks;

public static class TaskQueries
{
    /// Tasks not yet finished: pending, due, leased or running (FollowUpTask.IsOpen, as SQL).
    public static IQueryable<FollowUpTask> Open(this IQueryable<FollowUpTask> tasks) =>
        tasks.Where(t => t.State == TaskState.Pending || t.State == TaskState.Due || t.State == TaskState.Leased || t.State == TaskState.Running);
}
