using Suifang.Core.Calls;

namespace Suifang.Core.ManualFollowUp;

/// One question as the nurse saw it and the answer she recorded (the normalised value is also a FollowUpResult row).
public sealed class ManualAnswer
{
    public required string QuestionKey { get; set; }
    public required string Question { get; set; }
    public required string Value { get; set; }
}

/// 人工随访记录: what a nurse recorded for one queue entry — the connect outcome in the classes of the call statistics
/// (5.3.5: completed, family answered, call later, wrong number, deceased, refused) or the unreached reason (5.3.6),
/// the answers of the form version used, a note. One per entry (unique EntryId): saving twice keeps the first.
public sealed class ManualRecord
{
    public long Id { get; set; }
    public int HospitalId { get; set; }
    public int DepartmentId { get; set; }
    public long PatientId { get; set; }
    public long TaskId { get; set; }
    public long EntryId { get; set; }
    public long? PlanStepId { get; set; }
    public int? TemplateId { get; set; }
    public string? TemplateName { get; set; }
    public int? TemplateVersion { get; set; }

    /// Completed, CallLater, WrongNumber, Deceased, Refused or NotReached (the call's classes, so statistics count
    /// manual calls with the AI's).
    public CallEnd End { get; set; }

    /// 代答: a family member answered for the patient.
    public bool FamilyAnswered { get; set; }
    public string? Respondent { get; set; }
    public UnreachedReason? Unreached { get; set; }
    public DateTime? CallBackAt { get; set; }
    public string? Note { get; set; }
    public List<ManualAnswer> Answers { get; set; } = [];
    public int TodoCount { get; set; }

    /// What happened to the task, in plain words ("已完成", "30 分钟后再打（第 2 次）"…).
    public required string Summary { get; set; }
    public required string StaffId { get; set; }
    public required string StaffName { get; set; }
    public DateTime At { get; set; }
}
