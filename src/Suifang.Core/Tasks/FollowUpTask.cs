using Suifang.Core.Pathways;

namespace Suifang.Core.Tasks;

/// 任务状态 (7.2.2). Pending → Due (its window opened) → Leased (a worker holds it) → Running (the effect started)
/// → Completed | Unreached (all attempts used) | Failed; Cancelled from any open state. A lease that expires returns
/// the task to Due. A redial or postponement to a later time waits in Pending until then (so Due holds only tasks that
/// may go now, and every policy's lease reads just the rows it takes).
public enum TaskState
{
    Pending = 0,
    Due = 1,
    Leased = 2,
    Running = 3,
    Completed = 4,
    Unreached = 5,
    Failed = 6,
    Cancelled = 7,
}

public static class TaskPriority
{
    public const int Normal = 0;
    public const int Urgent = 5;
    /// Critical tasks go first in emergency mode (7.2.2.2 d).
    public const int Critical = 10;
}

/// 随访任务: one channel's attempt at one plan step (or a stand-alone task), persisted so that no crash loses it.
public sealed class FollowUpTask
{
    public long Id { get; set; }
    public int HospitalId { get; set; }
    public int CampusId { get; set; }
    public long PatientId { get; set; }
    public int DepartmentId { get; set; }
    public long? PlanId { get; set; }
    public Plans.FollowUpPlan? Plan { get; set; }
    public long? PlanStepId { get; set; }
    public Plans.PlanStep? Step { get; set; }

    /// Which of the step's channels this task is (0 = the first; higher = a fallback).
    public int ChannelIndex { get; set; }

    /// The task this one falls back from (AI call → SMS → manual).
    public long? FallbackOfTaskId { get; set; }
    public ChannelKind Channel { get; set; }

    /// The queue it is dispatched from; each queue has its scheduling policy.
    public required string Queue { get; set; }
    public int Priority { get; set; }
    public TaskState State { get; set; }

    /// Manual intervention: a paused task keeps its state but is not leased.
    public bool Paused { get; set; }

    /// The window within which the follow-up must happen.
    public DateTime DueFrom { get; set; }
    public DateTime DueTo { get; set; }

    /// Not before this time (redial interval, quiet hours, "call me later").
    public DateTime NextAttemptAt { get; set; }
    /// Attempts used of MaxAttempts (a postponement uses none).
    public int Attempts { get; set; }

    /// Number of the last TaskAttempt row; effect keys are numbered by it ("task:{id}:attempt:{n}").
    public int LastAttemptNumber { get; set; }
    public int MaxAttempts { get; set; } = 1;
    public int RetryIntervalMinutes { get; set; } = 60;

    /// Expected duration of the work (the script's), for shortest-job-first.
    public int ExpectedSeconds { get; set; } = 180;

    public string? LeaseOwner { get; set; }
    public DateTime? LeaseExpiresAt { get; set; }

    /// The effect (a call, an SMS) is sent with this key; a provider that sees it again does not act again.
    public required string IdempotencyKey { get; set; }

    /// Outcome in plain words and the reason of the last failed attempt (未接通原因).
    public string? Outcome { get; set; }
    public string? LastFailureReason { get; set; }

    /// The text an SMS task sends when it is not the plan's template, e.g. the pre-call notice (ContactNotices).
    public string? Message { get; set; }

    /// A plan's first call whose pre-call SMS notice (ContactNotices) is not written yet: the notice is to go out at this
    /// time. PreCallNotices writes it shortly before (and clears this); until then the gate holds the call as it holds a
    /// call whose notice has not gone out.
    public DateTime? NoticeAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? FinishedAt { get; set; }

    /// Optimistic concurrency: every transition bumps it, so two workers cannot both move one task.
    public int Version { get; set; }

    public List<TaskAttempt> AttemptLog { get; set; } = [];

    public bool IsOpen => State is TaskState.Pending or TaskState.Due or TaskState.Leased or TaskState.Running;
}

/// One try of a task: when, the outcome, and why it failed (busy, no answer, powered off…).
public sealed class TaskAttempt
{
    public long Id { get; set; }
    public long TaskId { get; set; }
    public int Number { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public string? Outcome { get; set; }
    public string? FailureReason { get; set; }

    /// The key the effect was sent with ("task:{id}:attempt:{n}").
    public required string EffectKey { get; set; }
}
