namespace Suifang.Core.Sms;

/// 群发: one mass sending (health education, review reminders) to a filtered list of patients. Its messages carry
/// BatchId; progress is counted from them.
public sealed class SmsBatch
{
    public long Id { get; set; }
    public int HospitalId { get; set; }
    public required string Title { get; set; }
    public SmsPurpose Purpose { get; set; }
    public int? TemplateId { get; set; }
    public required string Text { get; set; }

    /// The filter in plain words (department, diagnosis, discharge dates), for the history.
    public string FilterSummary { get; set; } = "";
    public int Recipients { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}
