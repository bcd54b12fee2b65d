using Suifang.Core.Pathways;
using Suifang.Core.Pathways.Editing;

namespace Suifang.Core.ManualFollowUp.Editing;

/// The editor's form of a manual follow-up template. DepartmentId null = every department (administrators only).
public sealed class ManualTemplateInput
{
    public string? Key { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public int? DepartmentId { get; set; }
    public List<QuestionInput> Questions { get; set; } = [];
    public List<TriggerInput> Triggers { get; set; } = [];

    /// The revision the editor loaded; a save over a newer one is refused.
    public int? Revision { get; set; }

    public static ManualTemplateInput From(ManualFormTemplate t) => new()
    {
        Key = t.Key, Name = t.Name, Description = t.Description, DepartmentId = t.DepartmentId, Revision = t.Revision,
        Questions = t.Questions.Select(q => new QuestionInput { Key = q.Key, Text = q.Text, Kind = q.Kind, Unit = q.Unit, Choices = q.Choices, Required = q.Required }).ToList(),
        Triggers = t.Triggers.Select(r => new TriggerInput { QuestionKey = r.QuestionKey, Operator = r.Operator, Value = r.Value, Severity = r.Severity, Description = r.Description }).ToList(),
    };

    public List<NodeQuestion> ToQuestions() => Questions.Select(q => new NodeQuestion
    {
        Key = q.Key!.Trim(), Text = q.Text!.Trim(), Kind = q.Kind, Unit = string.IsNullOrWhiteSpace(q.Unit) ? null : q.Unit.Trim(),
        Choices = q.Kind == AnswerKind.Choice ? string.Join(';', Options(q.Choices)) : null, Required = q.Required,
    }).ToList();

    public List<TriggerRule> ToTriggers() => Triggers.Select(t => new TriggerRule
    {
        QuestionKey = t.QuestionKey!.Trim(), Operator = t.Operator, Value = t.Value!.Trim(), Severity = t.Severity, Description = t.Description!.Trim(),
    }).ToList();

    public static List<string> Options(string? choices) =>
        (choices ?? "").Split([';', '；', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
