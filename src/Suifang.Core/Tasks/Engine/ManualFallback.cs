using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Plans;

namespace Suifang.Core.Tasks.Engine;

/// 转人工随访 (5.3.5): the AI may not go on with the patient (the number is wrong, the patient refused), so the step gets
/// a nurse's manual follow-up task, due at once — the step's own Manual channel when it has one, else one beyond its
/// channel list. Nothing is added when the step already has an open manual task.
public static class ManualFallback
{
    public static async Task AddAsync(SuifangDbContext db, FollowUpTask task, string reason, DateTime now, CancellationToken ct)
    {
        if (task.Step is not { } step || task.Plan is not { } plan)
            return;
        var open = await db.Tasks.Open().AnyAsync(t => t.PlanStepId == step.Id && t.Channel == ChannelKind.Manual && t.Id != task.Id, ct);
        if (open || db.ChangeTracker.Entries<FollowUpTask>().Any(e => e.State == EntityState.Added && e.Entity.Step == step && e.Entity.Channel == ChannelKind.Manual))
            return;
        var channels = step.Content.Channels;
        var index = channels.FindIndex(c => c.Kind == ChannelKind.Manual);
        FollowUpTask manual;
        if (index >= 0)
            manual = StepTasks.Create(plan, step, index, now, now);
        else
        {
            manual = StepTasks.Create(plan, step, task.ChannelIndex, now, now);
            manual.ChannelIndex = channels.Count;
            manual.Channel = ChannelKind.Manual;
            manual.Queue = TaskQueues.Manual;
            manual.MaxAttempts = 1;
        }
        manual.State = TaskState.Due;
        manual.NextAttemptAt = now;
        // A step whose window has passed still gets its manual follow-up within a day.
        if (manual.DueTo < now)
            manual.DueTo = now.AddDays(1);
        manual.FallbackOfTaskId = task.Id;
        manual.Priority = task.Priority;
        manual.Outcome = reason.Length > 256 ? reason[..256] : reason;
        db.Tasks.Add(manual);
        step.Status = StepStatus.InProgress;
    }
}
