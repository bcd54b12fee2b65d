namespace Suifang.Core.Questionnaires;

public enum QuestionnaireKind
{
    /// 随访问卷 designed by the department.
    Survey = 1,
    /// 标准量表 shipped with Suifang (PHQ-9, Barthel…).
    Scale = 2,
    /// 满意度调查.
    Satisfaction = 3,
    /// Made from a plan step's questions when the step names no questionnaire; not listed.
    Generated = 4,
}

/// 问卷: a draft the designer edits and the versions published from it (5.2.3). A published version is frozen: links
/// and answers refer to it, so a later edit never changes what a patient was asked.
public sealed class Questionnaire
{
    public int Id { get; set; }
    public int HospitalId { get; set; }

    /// The owning department; null for the whole hospital (shipped scales).
    public int? DepartmentId { get; set; }

    /// Stable name, unique in the hospital ("phq-9", "cardio-d7").
    public required string Key { get; set; }
    public required string Title { get; set; }
    public string Description { get; set; } = "";
    public QuestionnaireKind Kind { get; set; } = QuestionnaireKind.Survey;

    /// The draft's content (QuestionnaireJson).
    public required string DraftJson { get; set; }

    /// True while the draft differs from the latest published version (or nothing was published yet).
    public bool DraftChanged { get; set; } = true;
    public int LatestVersion { get; set; }
    public bool Deleted { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
    public List<QuestionnaireVersion> Versions { get; set; } = [];

    public QuestionnaireContent Draft => QuestionnaireJson.Read(DraftJson);
}

/// One published version: its content never changes once written.
public sealed class QuestionnaireVersion
{
    public int Id { get; set; }
    public int QuestionnaireId { get; set; }
    public int Version { get; set; }
    public required string Title { get; set; }
    public required string ContentJson
    {
        get => _json;
        set
        {
            _json = value;
            _parsed = null;
        }
    }

    public DateTime PublishedAt { get; set; }
    public string? PublishedBy { get; set; }
    public Questionnaire? Questionnaire { get; set; }

    /// Parsed once per instance (a version is frozen; QuestionnaireVersionCache shares one instance between requests, so
    /// callers must treat the content as read-only).
    public QuestionnaireContent Content => _parsed ??= QuestionnaireJson.Read(ContentJson);

    // Names EF's backing-field convention does not match (it would map "_contentJson" / "_content").
    private string _json = "";
    private QuestionnaireContent? _parsed;
}
