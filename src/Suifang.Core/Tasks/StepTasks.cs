using Suifang.Core.Plans;

namespace Suifang.Core.Tasks;

/// Makes the task for one channel of a plan step: the plan creates the first channel's task, the engine creates each
/// fallback when the previous channel did not reach the patient.
public static class StepTasks
{
    /// A plan makes the first channel's task only for steps due within this time (and for its first step and first
    /// call); UpcomingSteps makes the others' when they come this near (hourly and daily jobs). A plan of four steps over
    /// three months thus holds one or two tasks at first instead of four.
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(3);

    public static bool IsNear(DateTime notBefore, DateTime now) => notBefore <= now + Horizon;

    /// "t:" and a new time-ordered id (32 hex digits), made in one string.
    private static string NewKey() => string.Create(34, Guid.CreateVersion7(), static (span, id) =>
    {
        span[0] = 't';
        span[1] = ':';
        id.TryFormat(span[2..], out _, "N");
    });

    public static FollowUpTask Create(FollowUpPlan plan, PlanStep step, int channelIndex, DateTime notBefore, DateTime now)
    {
        var channel = step.Content.Channels[channelIndex];
        return new FollowUpTask
        {
            HospitalId = plan.HospitalId,
            CampusId = plan.CampusId,
            PatientId = plan.PatientId,
            DepartmentId = plan.DepartmentId,
            Plan = plan,
            Step = step,
            ChannelIndex = channelIndex,
            Channel = channel.Kind,
            Queue = TaskQueues.For(channel.Kind),
            State = notBefore <= now ? TaskState.Due : TaskState.Pending,
            DueFrom = step.DueFrom,
            DueTo = step.DueTo,
            NextAttemptAt = notBefore,
            MaxAttempts = 1 + (plan.Redials ?? channel.Redials),
            RetryIntervalMinutes = plan.RedialIntervalMinutes ?? channel.RedialIntervalMinutes,
            IdempotencyKey = NewKey(),
            CreatedAt = now,
            UpdatedAt = now,
        };
    }
}
