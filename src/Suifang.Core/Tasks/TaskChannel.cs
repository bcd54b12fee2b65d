using Suifang.Core.Pathways;

namespace Suifang.Core.Tasks;

/// A channel that carries out a leased task: places the AI call, sends the SMS or questionnaire link, or puts the
/// task in a nurse's queue. Implementations must treat EffectKey as an idempotency key: called twice with the same
/// key (after a crash), they report the first effect's outcome instead of acting again.
public interface ITaskChannel
{
    ChannelKind Kind { get; }

    Task<TaskOutcome> ExecuteAsync(TaskExecution execution, CancellationToken ct);
}

/// What a channel gets: the task as leased, the attempt number, and the key the effect must carry.
public sealed record TaskExecution(FollowUpTask Task, int AttemptNumber, string EffectKey);

public enum OutcomeKind
{
    /// The patient was reached and the follow-up done (answers recorded by the channel).
    Completed = 1,
    /// Not reached this time (no answer, busy, powered off…): redial if attempts remain, else fall back.
    NotReached = 2,
    /// The patient asked to be called later, or the channel is throttled: try again at RetryAt without using an attempt.
    Postponed = 3,
    /// Cannot be done at all (invalid number, wrong number, patient passed away): no redial.
    Failed = 4,
    /// Waiting for the patient (a questionnaire link was sent): the task stays open until the answer or FallbackAt.
    Waiting = 5,
    /// The AI must not go on with this patient (wrong number, refused): no redial; the step falls back to a nurse's
    /// manual follow-up (a Manual task of the step, due at once).
    ToManual = 6,
}

public sealed record TaskOutcome(OutcomeKind Kind, string Summary, string? FailureReason = null, DateTime? RetryAt = null)
{
    public static TaskOutcome Completed(string summary) => new(OutcomeKind.Completed, summary);
    public static TaskOutcome NotReached(string reason) => new(OutcomeKind.NotReached, reason, reason);
    public static TaskOutcome Failed(string reason) => new(OutcomeKind.Failed, reason, reason);
    public static TaskOutcome Postponed(DateTime until, string reason) => new(OutcomeKind.Postponed, reason, null, until);
    public static TaskOutcome Waiting(DateTime fallbackAt, string summary) => new(OutcomeKind.Waiting, summary, null, fallbackAt);
    public static TaskOutcome ToManual(string reason) => new(OutcomeKind.ToManual, reason, reason);
}
