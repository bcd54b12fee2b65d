namespace Suifang.Core.Calls;

/// Where a call is: the row is written before the number is dialled, so a crash at any point leaves a trace.
public enum CallStatus
{
    /// Written, about to dial (or dialling when the node stopped).
    Dialling = 0,
    /// Answered; the conversation is running.
    Talking = 1,
    Ended = 2,
}

/// 未接通原因 (5.3.6), as the telephony reports it (the same values as the agent's NotReachedReason).
public enum UnreachedReason
{
    NoAnswer = 1,
    Busy = 2,
    /// 关机/停机.
    PoweredOff = 3,
    /// 空号: no redial.
    InvalidNumber = 4,
    Rejected = 5,
    NetworkError = 6,
    /// 停机.
    OutOfService = 7,
}

/// How a call ended (5.3.5 connected classes, 5.3.6 unreached). 1–9 are the conversation's endings (CallEnding); the
/// conversation's Interrupted (10) is Interrupted (21) here.
public enum CallEnd
{
    None = 0,
    Completed = 1,
    /// Ended early with some answers.
    Partial = 2,
    /// 接通不便: asked to be called later.
    CallLater = 3,
    WrongNumber = 4,
    Deceased = 5,
    /// Wanted a person: call-back to-do.
    HandedOff = 6,
    /// 不愿配合.
    Refused = 7,
    /// Silent after reprompts.
    NoResponse = 8,
    /// 自动留言: a voicemail or auto-reply answered; the agent left a short message (redial like not reached).
    Voicemail = 9,
    /// 未接通: see NotReachedReason.
    NotReached = 20,
    /// 中断: the line dropped, the patient hung up midway, or the node stopped during the call.
    Interrupted = 21,
}

/// 外呼: one AI call of one task attempt. EffectKey is the attempt's idempotency key (unique): an execution that finds
/// its key here reports this call's outcome and never dials again.
public sealed class Call
{
    public long Id { get; set; }
    public int HospitalId { get; set; }
    public int CampusId { get; set; }
    public int DepartmentId { get; set; }
    public long PatientId { get; set; }
    public long TaskId { get; set; }
    public int AttemptNumber { get; set; }
    public required string EffectKey { get; set; }
    public long? PlanId { get; set; }
    public long? PlanStepId { get; set; }

    /// The plan step's label ("D+7"): the follow-up period the answers belong to.
    public string? Period { get; set; }

    /// 话术 used, by key and version (7.2.5.2 traceability); "generated:…" when made from the step's questions.
    public required string ScriptKey { get; set; }
    public int ScriptVersion { get; set; }

    /// The telephony that carried the call ("模拟电话网络", "SIP …"); Simulated marks calls of the simulated network (模拟).
    public required string Telephony { get; set; }
    public bool Simulated { get; set; }

    /// Number dialled: encrypted, and masked for screens (138****1234).
    public string NumberCipher { get; set; } = "";
    public string NumberMasked { get; set; } = "";

    public CallStatus Status { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public CallEnd End { get; set; }
    public UnreachedReason? Unreached { get; set; }

    /// The reason in words (未接通原因, why it was interrupted).
    public string? Detail { get; set; }
    public DateTime? CallBackAt { get; set; }

    /// 代答: a family member answered for the patient.
    public bool AnsweredByFamily { get; set; }
    public string? RecordingPath { get; set; }

    /// Which understanding components decided the patient turns ("rules", "ml", "llm"), for quality control (7.2.5.2).
    public string? UnderstandingSource { get; set; }

    /// The understanding model that produced the answers (7.2.5.2 traceability), e.g. "intent-model sha256:…; llm qwen2".
    public string? UnderstandingModel { get; set; }

    /// The trigger rules the answers were evaluated with: "sha256:" and the first 16 hex digits of the rules' text.
    public string? TriggerRulesVersion { get; set; }
    public string? Summary { get; set; }

    /// 呼入: the patient called the hospital back and the agent continued the pending follow-up on that call.
    public bool Inbound { get; set; }

    public List<CallTurn> Turns { get; set; } = [];

    public bool Answered => AnsweredAt is not null;
}

public enum Speaker
{
    Agent = 1,
    Patient = 2,
}

/// One turn of the transcript, written as the call goes (a crash loses nothing said before the last agent turn).
public sealed class CallTurn
{
    public long Id { get; set; }
    public long CallId { get; set; }

    /// Position in the call, from 0.
    public int Index { get; set; }
    public Speaker Speaker { get; set; }
    public string Text { get; set; } = "";
    public string? Dtmf { get; set; }

    /// Agent turn: the question it asks; patient turn: the question it answers.
    public string? QuestionKey { get; set; }

    /// Patient turn: the understood intent ("Affirm", "Inform", …) and its confidence.
    public string? Intent { get; set; }
    public double? Confidence { get; set; }

    /// Patient turn: extracted values and symptoms as JSON (shown on the call page and used as evidence).
    public string? ValuesJson { get; set; }
    public DateTime At { get; set; }

    /// Offsets from the answer of the call, in milliseconds (the span in the recording).
    public int StartMs { get; set; }
    public int EndMs { get; set; }

    /// Agent turn: the agent's response time ES_T in milliseconds (7.1.1).
    public int? ResponseMs { get; set; }
}
