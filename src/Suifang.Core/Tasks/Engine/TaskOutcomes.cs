using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Plans;

namespace Suifang.Core.Tasks.Engine;

/// What a channel's outcome does to the task, its plan step and the step's other tasks (7.2.2, 5.2.2).
/// The task and its Step and Plan must be loaded (tracked) in db.
public static class TaskOutcomes
{
    public const string AnsweredElsewhere = "已由其他渠道完成随访，自动取消";
    public const string NoReply = "到期未回复";

    public static async Task ApplyAsync(SuifangDbContext db, FollowUpTask task, TaskAttempt? attempt, TaskOutcome outcome, DateTime now, CancellationToken ct)
    {
        if (attempt is not null)
        {
            attempt.EndedAt = now;
            attempt.Outcome = Clip(outcome.Summary);
            attempt.FailureReason = Clip(outcome.FailureReason);
        }
        task.Outcome = Clip(outcome.Summary);
        Observability.SuifangMetrics.TaskEffects.Add(1, new KeyValuePair<string, object?>("queue", task.Queue),
            new KeyValuePair<string, object?>("outcome", outcome.Kind.ToString()));
        switch (outcome.Kind)
        {
            case OutcomeKind.Completed:
                await CompleteAsync(db, task, now, ct);
                break;
            case OutcomeKind.NotReached when task.Step is { Status: StepStatus.Done }:
                // The step was done by another channel while this call rang (a late questionnaire answer): no redial, no fallback.
                task.LastFailureReason = Clip(outcome.FailureReason ?? outcome.Summary);
                TaskTransitions.Move(task, TaskState.Unreached, now);
                task.Outcome = Clip($"{outcome.Summary}；该节点已由其他渠道完成，不再重拨");
                break;
            case OutcomeKind.NotReached:
                task.LastFailureReason = Clip(outcome.FailureReason ?? outcome.Summary);
                var redialAt = now.AddMinutes(task.RetryIntervalMinutes);
                if (task.Attempts < task.MaxAttempts && redialAt <= task.DueTo)
                {
                    TaskTransitions.Move(task, TaskTransitions.Again(redialAt, now), now);
                    task.NextAttemptAt = redialAt;
                    task.Outcome = Clip($"{outcome.Summary}；{redialAt:MM-dd HH:mm} 重拨");
                }
                else
                {
                    TaskTransitions.Move(task, TaskState.Unreached, now);
                    await FallBackAsync(db, task, now, now, ct);
                }
                break;
            case OutcomeKind.Postponed:
                task.Attempts--; // a postponement uses no attempt
                task.NextAttemptAt = outcome.RetryAt ?? now.AddMinutes(task.RetryIntervalMinutes);
                TaskTransitions.Move(task, TaskTransitions.Again(task.NextAttemptAt, now), now);
                break;
            case OutcomeKind.Failed:
                task.LastFailureReason = Clip(outcome.FailureReason ?? outcome.Summary);
                TaskTransitions.Move(task, TaskState.Failed, now);
                await CloseStepIfNothingOpenAsync(db, task, StepStatus.Unreached, ct);
                break;
            case OutcomeKind.ToManual:
                task.LastFailureReason = Clip(outcome.FailureReason ?? outcome.Summary);
                TaskTransitions.Move(task, TaskState.Failed, now);
                await ManualFallback.AddAsync(db, task, outcome.Summary, now, ct);
                break;
            case OutcomeKind.Waiting:
                // Stays Running without a lease: it holds no line and does not block the patient; the answer or
                // FallbackAt (see TaskMaintenance) closes it.
                task.LeaseOwner = null;
                task.LeaseExpiresAt = null;
                task.NextAttemptAt = outcome.RetryAt ?? now.AddHours(Math.Max(1, ChannelOf(task)?.FallbackAfterHours ?? 48));
                task.Version++;
                task.UpdatedAt = now;
                break;
        }
    }

    /// Done by this task: every other open task of the step (reminders, fallbacks) is cancelled at once.
    public static async Task CompleteAsync(SuifangDbContext db, FollowUpTask task, DateTime now, CancellationToken ct)
    {
        TaskTransitions.Move(task, TaskState.Completed, now);
        if (task.PlanStepId is not { } stepId)
            return;
        var siblings = await db.Tasks.Open().Where(t => t.PlanStepId == stepId && t.Id != task.Id).ToListAsync(ct);
        foreach (var s in siblings)
        {
            TaskTransitions.Move(s, TaskState.Cancelled, now);
            s.Outcome = AnsweredElsewhere;
        }
        if (task.Step is { } step)
        {
            step.Status = StepStatus.Done;
            step.CompletedAt = now;
        }
    }

    /// The channel did not reach the patient: the step's next channel starts (after the previous channel's waiting
    /// time where there is one); without one the step is Unreached.
    public static async Task FallBackAsync(SuifangDbContext db, FollowUpTask task, DateTime notBefore, DateTime now, CancellationToken ct)
    {
        var step = task.Step;
        var next = task.ChannelIndex + 1;
        if (step is null || task.Plan is null || next >= step.Content.Channels.Count)
        {
            await CloseStepIfNothingOpenAsync(db, task, StepStatus.Unreached, ct);
            return;
        }
        if (await db.Tasks.AnyAsync(t => t.PlanStepId == step.Id && t.ChannelIndex == next, ct))
            return;
        var fallback = StepTasks.Create(task.Plan, step, next, notBefore, now);
        fallback.FallbackOfTaskId = task.Id;
        fallback.Priority = task.Priority;
        db.Tasks.Add(fallback);
        step.Status = StepStatus.InProgress;
    }

    public static async Task CloseStepIfNothingOpenAsync(SuifangDbContext db, FollowUpTask task, StepStatus status, CancellationToken ct)
    {
        if (task.Step is not { } step || step.Status == StepStatus.Done)
            return;
        // The plan was stopped or cancelled meanwhile (e.g. the patient passed away): its steps stay cancelled and
        // there is no one to chase, so no Unreached to-do either.
        if (status == StepStatus.Unreached && await db.Plans.AnyAsync(p => p.Id == step.PlanId
                && (p.Status == Plans.PlanStatus.Stopped || p.Status == Plans.PlanStatus.Cancelled), ct))
            return;
        var open = await db.Tasks.Open().AnyAsync(t => t.PlanStepId == step.Id && t.Id != task.Id, ct);
        if (!open && !db.ChangeTracker.Entries<FollowUpTask>().Any(e => e.State == EntityState.Added && (e.Entity.PlanStepId == step.Id || e.Entity.Step == step)))
        {
            step.Status = status;
            // 7.2.4.1 a: every redial and fallback used, the patient not reached — a nurse takes over.
            if (status == StepStatus.Unreached)
                await Todos.UnreachedTodos.AddAsync(db, step, task, task.UpdatedAt, ct);
        }
    }

    private static Pathways.ChannelStep? ChannelOf(FollowUpTask task) =>
        task.Step is { } s && task.ChannelIndex < s.Content.Channels.Count ? s.Content.Channels[task.ChannelIndex] : null;

    private static string? Clip(string? s) => s is { Length: > 256 } ? s[..256] : s;
}
