namespace Suifang.Core.Questionnaires.Links;

/// 问卷链接: one patient's own link to one questionnaire version. Only the SHA-256 of the token is stored, so the
/// database alone cannot open a link. Progress is kept as the patient answers; SubmittedAt is set once.
public sealed class QuestionnaireLink
{
    public long Id { get; set; }
    public int HospitalId { get; set; }
    public int DepartmentId { get; set; }
    public long PatientId { get; set; }
    public int QuestionnaireId { get; set; }
    public int VersionId { get; set; }

    /// Hex SHA-256 of the token (64 characters).
    public required string TokenHash { get; set; }

    /// The sending task's effect key: one link per task attempt, also after a crash.
    public string? EffectKey { get; set; }
    public long? TaskId { get; set; }
    public long? PlanId { get; set; }
    public long? PlanStepId { get; set; }

    /// The plan step label ("D+7") the answers belong to.
    public string? Period { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? OpenedAt { get; set; }
    public string? ProgressJson { get; set; }
    public DateTime? ProgressAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public string? SentBy { get; set; }
    public QuestionnaireVersion? Version { get; set; }
}

/// 问卷答卷: the one submission of a link — answers, total score and band.
public sealed class QuestionnaireResponse
{
    public long Id { get; set; }
    public long LinkId { get; set; }
    public int HospitalId { get; set; }
    public int DepartmentId { get; set; }
    public long PatientId { get; set; }
    public int QuestionnaireId { get; set; }
    public int VersionId { get; set; }
    public required string AnswersJson { get; set; }
    public double? Score { get; set; }
    public string? Band { get; set; }
    public RiskLevel Risk { get; set; }
    public string? Period { get; set; }
    public DateTime SubmittedAt { get; set; }

    /// When the response processor turned it into follow-up results, to-dos and the task's completion (the second
    /// stage, which the patient does not wait for); null until then. Set in the same transaction as those effects.
    public DateTime? ProcessedAt { get; set; }
}
