using Suifang.Core.Pathways;

namespace Suifang.Core.Questionnaires.Scales;

/// Short hand for writing the shipped scales: choice items with scored options, bands and alerts.
internal static class ScaleBuilder
{
    public static QuestionnaireQuestion Item(string key, string text, params (string Label, double Score)[] options) => new()
    {
        Key = key,
        Text = text,
        Type = QuestionType.SingleChoice,
        Options = options.Select(o => new QuestionOption
        {
            Value = o.Score.ToString(System.Globalization.CultureInfo.InvariantCulture), Label = o.Label, Score = o.Score,
        }).ToList(),
    };

    /// Options whose stored value is the label itself (vocabulary choices such as "非常满意").
    public static QuestionnaireQuestion Choice(string key, string text, params (string Label, double Score)[] options) => new()
    {
        Key = key,
        Text = text,
        Type = QuestionType.SingleChoice,
        Options = options.Select(o => new QuestionOption { Value = o.Label, Label = o.Label, Score = o.Score }).ToList(),
    };

    public static ScoreBand Band(double min, double max, string label, RiskLevel level, string? advice = null) =>
        new() { Min = min, Max = max, Label = label, Level = level, Advice = advice };

    public static TriggerRule Alert(string key, TriggerOperator op, string value, TriggerSeverity severity, string description) =>
        new() { QuestionKey = key, Operator = op, Value = value, Severity = severity, Description = description };
}
