using Suifang.Core.Plans;

namespace Suifang.Core.Tasks;

/// Makes the task for one channel of a plan step: the plan creates the first channel's task, the engine creates each
/// fallback when the previous channel did not reach the patient.
public static class StepTasks
{
    public static FollowUpTask Create(FollowUpPlan plan, PlanStep step, int channelIndex, DateTime notBefore, DateTime now)
    {
        var channel = step.Channels[channelIndex];
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
            IdempotencyKey = "t:" + Guid.CreateVersion7().ToString("N"),
            CreatedAt = now,
            UpdatedAt = now,
        };
    }
}
