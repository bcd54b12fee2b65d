using Suifang.Core.Pathways;

namespace Suifang.Core.Contact;

public enum ConsentState
{
    NotRecorded = 0,
    Given = 1,
    Withdrawn = 2,
}

/// One attempt of one of the patient's tasks, any channel: a contact on that day.
public sealed record ContactAttempt(long TaskId, DateTime At);

/// A call that reached the patient (a call task that completed) and when it reached them.
public sealed record ReachedCall(long TaskId, long? PlanStepId, DateTime At);

/// The pre-call SMS notice of this task: still open (not sent yet), sent at SentAt, or given up (neither).
public sealed record NoticeState(bool Open, DateTime NextAttemptAt, DateTime? SentAt);

/// What the rules need to know about the task being checked.
public sealed record ContactTask(long Id, ChannelKind Channel, long? PlanStepId, DateTime DueTo)
{
    public bool IsVoice => Channel is ChannelKind.AiCall or ChannelKind.Manual;

    public static ContactTask Of(Tasks.FollowUpTask t) => new(t.Id, t.Channel, t.PlanStepId, t.DueTo);
}

/// What the database says about the patient, loaded by ContactRulesGate.
public sealed record ContactFacts(
    string? DoNotContactReason,
    ConsentState Consent,
    DateTime? ConsentDecidedAt,
    IReadOnlyList<ContactAttempt> Attempts,
    IReadOnlyList<ReachedCall> ReachedCalls,
    NoticeState? Notice)
{
    /// 已去世 (a call's mark not cleared by a nurse): no contact of any kind.
    public string? DeceasedReason { get; init; }

    /// 号码错误 for the patient's current number: no AI call, SMS or questionnaire to it until a nurse corrects the number
    /// (a new number has a new index) or clears the mark; a nurse's manual task still goes.
    public string? WrongNumberReason { get; init; }

    /// 不愿配合: no AI call; SMS and a nurse's call still go.
    public string? UncooperativeReason { get; init; }

    public static readonly ContactFacts None = new(null, ConsentState.NotRecorded, null, [], [], null);
}
