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
    /// 危急值: a critical value reported by HIS (lab, imaging) or said by the patient (7.2.5.1 a).
    CriticalValue = 9,
    /// 趋势恶化: a chronic patient's values worsen across consecutive follow-ups (7.2.5.1 b).
    Trend = 10,
}

/// What the nurse did when closing a to-do (a critical one cannot be closed without one, 7.2.5.1 a).
public enum TodoAction
{
    /// 已电话回访: called the patient back and talked with them.
    CalledBack = 1,
    /// 已建议就诊: advised to come to the clinic or emergency room.
    AdvisedVisit = 2,
    /// 已通知医生: passed to the attending doctor.
    InformedDoctor = 3,
    /// 已预约/已安排: booked a visit, a test or a home visit.
    Arranged = 4,
    /// 已解答: answered the patient's question.
    Answered = 5,
    /// 无需处理: checked, nothing to do (e.g. a false alarm).
    NoActionNeeded = 6,
    /// 已更正资料: corrected the phone number or the patient's status.
    DataCorrected = 7,
    /// 其他: see the note.
    Other = 99,
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

    /// The action recorded when closing; required for critical ones.
    public TodoAction? ClosedAction { get; set; }

    /// The rule or finding that fired, stable across wording changes, e.g. "trigger:PCI-D7:fever", "red-flag:chest-pain",
    /// "trend:systolic-bp", "critical:K" — alert load is counted and tuned per key (7.2.5).
    public string? RuleKey { get; set; }

    /// The earlier values the finding was compared with, as the nurse reads them, e.g. "收缩压 142 → 150 → 158 mmHg（近三次随访）".
    public string? Comparison { get; set; }

    /// The nurse it was routed to (7.2.4.1 b); null while it waits in the department's shared list.
    public string? AssignedToUserId { get; set; }
    public DateTime? AssignedAt { get; set; }

    /// When a person first acknowledged it (opened it or pressed 知道了) — time to acknowledge is measured from CreatedAt.
    public DateTime? AcknowledgedAt { get; set; }
    public string? AcknowledgedBy { get; set; }

    /// When the alert dispatcher finished this to-do (rule tuning, assignment, SMS to the nurse on duty); null until then,
    /// so that a to-do written by any process is handled exactly once, also after a crash (7.2.4.1 b, 7.2.5.1 a).
    public DateTime? AlertedAt { get; set; }

    /// The follow-up result that raised it (a critical value the patient stated, the last value of a trend).
    public long? SourceResultId { get; set; }

    /// Optimistic concurrency token: raised by one on every save through EF Core (SuifangDbContext), so that two nurses,
    /// or the alert dispatcher and a nurse, never silently overwrite each other's change; a set-based update raises it too.
    public int Version { get; set; }
}
