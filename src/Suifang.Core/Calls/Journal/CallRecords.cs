using Suifang.Core.Todos;

namespace Suifang.Core.Calls.Journal;

/// What is known before dialling. The number is stored as the patient's cipher and masked form.
public sealed record CallStart(long TaskId, int AttemptNumber, string EffectKey, int HospitalId, int CampusId, int DepartmentId,
    long PatientId, long? PlanId, long? PlanStepId, string? Period, string ScriptKey, int ScriptVersion, string Telephony,
    bool Simulated, string NumberCipher, string NumberMasked, DateTime At)
{
    /// 呼入: the patient called in (no dialling).
    public bool Inbound { get; init; }
}

/// The call row for an effect key, and whether it was already there (a replay: never dial again).
public sealed record CallBegin(Call Call, bool Replay);

/// The turns of one exchange (patient turn and the agent's reply), the answers first given in it, and, on the first
/// exchange, when the call was answered.
public sealed record CallExchange(long CallId, IReadOnlyList<CallTurn> Turns, IReadOnlyList<FollowUpResult> Answers, DateTime? AnsweredAt = null)
{
    /// Answers of this call stored before and changed in this exchange (the patient corrected themself).
    public IReadOnlyList<FollowUpResult> Corrections { get; init; } = [];
}

/// Stops a deceased patient's plans with care: the reason is kept, every open task but the running one is cancelled.
public sealed record PlanStop(long PatientId, long RunningTaskId, string Reason);

/// How the call ended and what it leaves behind.
public sealed record CallFinish
{
    public required long CallId { get; init; }
    public required CallEnd End { get; init; }
    public required DateTime EndedAt { get; init; }
    public UnreachedReason? NotReached { get; init; }
    public string? Detail { get; init; }
    public DateTime? CallBackAt { get; init; }
    public bool AnsweredByFamily { get; init; }
    public string? RecordingPath { get; init; }
    public string? UnderstandingSource { get; init; }
    /// 7.2.5.2 traceability: the understanding model and the trigger rules version (see Call).
    public string? UnderstandingModel { get; init; }
    public string? TriggerRulesVersion { get; init; }
    public string? Summary { get; init; }
    /// Answers not stored yet, and stored answers that changed.
    public IReadOnlyList<FollowUpResult> Answers { get; init; } = [];
    public IReadOnlyList<FollowUpResult> Corrections { get; init; } = [];
    /// Turns of the call (for the audit entry).
    public int Turns { get; init; }
    public IReadOnlyList<TodoItem> Todos { get; init; } = [];
    public PatientCallFlag? Flag { get; init; }
    public PlanStop? Stop { get; init; }
}
