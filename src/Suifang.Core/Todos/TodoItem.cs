namespace Suifang.Core.Todos;

public enum TodoKind
{
    /// 未接通: every channel tried, the patient not reached.
    Unreached = 1,
    /// 异常: an answer met a trigger rule of the pathway.
    Abnormal = 2,
    /// 转人工: the patient asked for a person.
    Handoff = 3,
    /// 危险信号: an alarming symptom said in passing.
    RedFlag = 4,
    /// 待解答: the patient asked something the knowledge base could not answer.
    UnansweredQuestion = 5,
    /// 来电待回复: the patient called the hospital and no pending follow-up was found (or they asked for something else).
    CallBack = 6,
    /// 核实号码: the person who answered said the number is not the patient's; the number is blocked until corrected.
    VerifyNumber = 7,
    /// 核实去世: the person who answered said the patient passed away; the plans were stopped; verify and record it.
    VerifyDeceased = 8,
}

public enum TodoUrgency
{
    Normal = 0,
    /// Call back today.
    Urgent = 1,
    /// 危急: at once (7.2.5.1 a).
    Critical = 2,
}

public enum TodoStatus
{
    Open = 0,
    Closed = 1,
}

/// 待办: something a nurse must look at, with the evidence that raised it (the words said, the call and turn).
/// Issue #6 builds the lists and alerts on it.
public sealed class TodoItem
{
    public long Id { get; set; }
    public int HospitalId { get; set; }
    public int DepartmentId { get; set; }
    public long PatientId { get; set; }
    public long? PlanStepId { get; set; }
    public TodoKind Kind { get; set; }
    public TodoUrgency Urgency { get; set; }

    /// What the nurse reads, e.g. the trigger rule's description "体温≥38.5℃，可能有感染".
    public required string Reason { get; set; }

    /// The words that fired it, as said.
    public string? Evidence { get; set; }
    public long? CallId { get; set; }
    public int? TurnIndex { get; set; }
    public string? QuestionKey { get; set; }

    /// Where it came from: "ai-call", "sms", "questionnaire", "manual", "task".
    public required string Source { get; set; }
    public TodoStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }
    public string? ClosedNote { get; set; }
}
