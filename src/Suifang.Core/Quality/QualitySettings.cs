namespace Suifang.Core.Quality;

/// A hospital's quality-control and retention settings (one row per hospital; a department row overrides the share).
public sealed class QualitySettings
{
    public int Id { get; set; }
    public int HospitalId { get; set; }

    /// Null: the hospital's row; else the share of this department.
    public int? DepartmentId { get; set; }

    /// 抽检比例, percent of finished AI calls picked at random (0–100); handoffs and red flags are always picked.
    public double SamplePercent { get; set; } = 5;
    public bool SampleHandoffs { get; set; } = true;
    public bool SampleRedFlags { get; set; } = true;

    /// 禁止内容: one rule a line, "名称|正则表达式" (a regular expression over what the agent said); empty = the defaults.
    public string? ForbiddenRules { get; set; }

    /// 保存期限 in days (null: kept): recordings, transcripts (text), structured answers (data).
    public int? KeepAudioDays { get; set; }
    public int? KeepTextDays { get; set; }
    public int? KeepDataDays { get; set; }

    public DateTime? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}

/// One run of the retention sweep: what it removed, for the record (besides the audit entry).
public sealed class RetentionRun
{
    public long Id { get; set; }
    public int HospitalId { get; set; }
    public DateTime At { get; set; }
    public int RecordingsDeleted { get; set; }
    public int TranscriptsCleared { get; set; }
    public int AnswersDeleted { get; set; }
    public string Summary { get; set; } = "";
}
