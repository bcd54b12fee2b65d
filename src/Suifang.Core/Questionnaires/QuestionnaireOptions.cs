using System.ComponentModel.DataAnnotations;

namespace Suifang.Core.Questionnaires;

/// Settings of questionnaire links (section "Questionnaires").
public sealed class QuestionnaireOptions
{
    public const string Section = "Questionnaires";

    /// The address patients' phones reach the host at, e.g. "https://sf.example-hospital.cn"; links are
    /// {PublicBaseUrl}/q/{token}.
    [Required, Url]
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    /// How long a link stays open (at least until the channel's fallback time).
    [Range(1, 90)]
    public int LinkValidDays { get; set; } = 7;
}
