namespace Suifang.Core.Quality;

/// Why a call was picked for quality control (7.2.5.2).
public enum SampleReason
{
    /// The set share of calls, picked by a hash of the call id (the same call is always picked or always left).
    Share = 1,
    /// 转人工: every call that ended in a handoff.
    HandedOff = 2,
    /// 危险信号: every call that left a red-flag or critical to-do.
    RedFlag = 3,
}

public enum ReviewState
{
    /// 待复核.
    Waiting = 0,
    /// 已复核.
    Reviewed = 1,
}

/// 质检样本: one AI call picked for quality control. One row per call (unique): a call is never sampled twice.
public sealed class QualitySample
{
    public long Id { get; set; }
    public int HospitalId { get; set; }
    public int DepartmentId { get; set; }
    public long CallId { get; set; }
    public required string ScriptKey { get; set; }
    public int ScriptVersion { get; set; }
    public SampleReason Reason { get; set; }
    public DateTime SampledAt { get; set; }

    /// When the call ended (the report's period is over this time).
    public DateTime CallEndedAt { get; set; }

    /// The automatic checks: run when sampled; true when every check passed.
    public bool ChecksPassed { get; set; }
    public int ChecksFailed { get; set; }

    public ReviewState Review { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public string? ReviewedBy { get; set; }
    public string? ReviewNote { get; set; }

    public List<QualityFinding> Findings { get; set; } = [];
    public List<AnswerReview> Answers { get; set; } = [];
}

/// The automatic check rules (7.2.5.2): what was verified in the transcript.
public enum CheckRule
{
    /// 身份确认: the agent asked whether it speaks with the patient (or family).
    Identity = 1,
    /// AI 身份告知: the agent said it is the hospital's AI assistant.
    AiDisclosure = 2,
    /// 必问问题: a required question on the script's path was asked (or answered before, or skipped by a branch).
    RequiredQuestion = 3,
    /// 禁止内容: the agent said something it must not (diagnosis, prescription, promise, others' data, full numbers).
    Forbidden = 4,
}

/// A reviewer's decision on an automatic finding.
public enum FindingVerdict
{
    Pending = 0,
    /// 确认: the finding is right.
    Confirmed = 1,
    /// 驳回: the check was wrong (a false alarm).
    Dismissed = 2,
}

/// One automatic check of a sampled call: which rule, on what item (a question key, a forbidden rule's name), passed or
/// failed, and where (the turn index in the transcript).
public sealed class QualityFinding
{
    public long Id { get; set; }
    public long SampleId { get; set; }
    public CheckRule Rule { get; set; }

    /// The question key or forbidden rule name the check is about; empty for identity and disclosure.
    public string Item { get; set; } = "";
    public bool Passed { get; set; }
    public int? TurnIndex { get; set; }

    /// In words: what was found or missed.
    public string Detail { get; set; } = "";
    public FindingVerdict Verdict { get; set; }
}

/// A reviewer's verdict on one understood answer (FollowUpResult of the call): right or wrong, and the right value.
public sealed class AnswerReview
{
    public long Id { get; set; }
    public long SampleId { get; set; }
    public long? ResultId { get; set; }
    public required string QuestionKey { get; set; }

    /// The value the agent understood (copied: the result may be removed by the retention sweep).
    public string Understood { get; set; } = "";
    public bool Correct { get; set; }
    public string? CorrectValue { get; set; }
    public DateTime ReviewedAt { get; set; }
    public string? ReviewedBy { get; set; }
}
