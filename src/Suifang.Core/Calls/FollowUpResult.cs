namespace Suifang.Core.Calls;

/// Where an answer came from.
public enum ResultSource
{
    AiCall = 1,
    Sms = 2,
    Questionnaire = 3,
    Manual = 4,
}

/// 随访结果: one structured answer of a patient to a question key, from any channel. The abnormal triggers read them, and
/// the next call's memory (7.3.2) reads them to refer to what was said and skip what is already answered for the period.
public sealed class FollowUpResult
{
    public long Id { get; set; }
    public int HospitalId { get; set; }
    public int DepartmentId { get; set; }
    public long PatientId { get; set; }
    public long? PlanId { get; set; }
    public long? PlanStepId { get; set; }
    public long? CallId { get; set; }
    public required string QuestionKey { get; set; }

    /// Normalised: "yes"/"no"/"uncertain", "38.5", "2026-12-02", a choice, free text.
    public required string Value { get; set; }

    /// The words as said (the utterance behind the value).
    public string Said { get; set; } = "";
    public ResultSource Source { get; set; }

    /// The plan step label ("D+7") the answer belongs to.
    public string? Period { get; set; }
    public DateTime At { get; set; }

    /// Patient turn it came from (call results).
    public int? TurnIndex { get; set; }
    public bool Confirmed { get; set; }

    public static string SourceName(ResultSource source) => source switch
    {
        ResultSource.AiCall => "ai-call",
        ResultSource.Sms => "sms",
        ResultSource.Questionnaire => "questionnaire",
        _ => "manual",
    };
}
