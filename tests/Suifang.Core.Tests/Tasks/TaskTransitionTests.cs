using Suifang.Core.Tasks;

namespace Suifang.Core.Tests.Tasks;

/// 7.2.2: the task state machine allows exactly the listed transitions.
public sealed class TaskTransitionTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 10, 0, 0);

    private static FollowUpTask Task(TaskState state) => new() { Queue = TaskQueues.AiCall, IdempotencyKey = "k", State = state };

    [Theory]
    [InlineData(TaskState.Pending, TaskState.Due)]
    [InlineData(TaskState.Due, TaskState.Leased)]
    [InlineData(TaskState.Leased, TaskState.Running)]
    [InlineData(TaskState.Leased, TaskState.Due)]
    [InlineData(TaskState.Running, TaskState.Completed)]
    [InlineData(TaskState.Running, TaskState.Unreached)]
    [InlineData(TaskState.Running, TaskState.Due)]
    [InlineData(TaskState.Running, TaskState.Pending)]
    [InlineData(TaskState.Leased, TaskState.Pending)]
    [InlineData(TaskState.Failed, TaskState.Due)]
    public void Allowed_transition_moves_and_bumps_the_version(TaskState from, TaskState to)
    {
        var task = Task(from);
        TaskTransitions.Move(task, to, Now);
        Assert.Equal(to, task.State);
        Assert.Equal(1, task.Version);
    }

    [Theory]
    [InlineData(TaskState.Completed, TaskState.Due)]
    [InlineData(TaskState.Pending, TaskState.Running)]
    [InlineData(TaskState.Due, TaskState.Running)]
    [InlineData(TaskState.Due, TaskState.Completed)]
    [InlineData(TaskState.Leased, TaskState.Completed)]
    [InlineData(TaskState.Cancelled, TaskState.Running)]
    public void Other_transitions_are_refused_and_leave_the_task_alone(TaskState from, TaskState to)
    {
        var task = Task(from);
        var ex = Assert.Throws<InvalidTaskTransitionException>(() => TaskTransitions.Move(task, to, Now));
        Assert.Equal(from, task.State);
        Assert.Equal(0, task.Version);
        Assert.Contains("不能从", ex.Message);
    }

    [Fact]
    public void Closing_a_task_releases_its_lease_and_stamps_the_finish()
    {
        var task = Task(TaskState.Running);
        task.LeaseOwner = "w";
        task.LeaseExpiresAt = Now;
        TaskTransitions.Move(task, TaskState.Completed, Now);
        Assert.Null(task.LeaseOwner);
        Assert.Equal(Now, task.FinishedAt);
    }
}
