using System.Globalization;
using Suifang.Core.Questionnaires;

namespace Suifang.Web.Questionnaires.Pages;

/// The designer's editable form of a question: options as lines "选项" or "选项=分数".
public sealed class QuestionDraft
{
    public string Key { get; set; } = "";
    public string Text { get; set; } = "";
    public QuestionType Type { get; set; } = QuestionType.SingleChoice;
    public bool Required { get; set; } = true;
    public string OptionsText { get; set; } = "";
    public string? Unit { get; set; }
    public double? Min { get; set; }
    public double? Max { get; set; }
    public RatingStyle RatingStyle { get; set; } = RatingStyle.ZeroToTen;
    public string? Hint { get; set; }
    public bool Reverse { get; set; }
    public string? ResultKey { get; set; }
    public List<QuestionOption> Kept { get; set; } = [];

    public static QuestionDraft From(QuestionnaireQuestion q) => new()
    {
        Key = q.Key, Text = q.Text, Type = q.Type, Required = q.Required, Unit = q.Unit, Min = q.Min, Max = q.Max, RatingStyle = q.RatingStyle, Hint = q.Hint,
        Reverse = q.Reverse, ResultKey = q.ResultKey,
        OptionsText = string.Join('\n', q.Options.Select(o => o.Score is { } s ? $"{o.Label}={s.ToString(CultureInfo.InvariantCulture)}" : o.Label)),
        Kept = q.Options,
    };

    /// Options keep their stored value when their label is unchanged, so earlier answers still read.
    public QuestionnaireQuestion ToQuestion() => new()
    {
        Key = Key.Trim(), Text = Text.Trim(), Type = Type, Required = Required, Unit = Unit, Min = Min, Max = Max, RatingStyle = RatingStyle, Hint = Hint,
        Reverse = Reverse && Type is not (QuestionType.Text or QuestionType.Date), ResultKey = ResultKey,
        Options = Type is QuestionType.SingleChoice or QuestionType.MultipleChoice ? ParseOptions() : [],
    };

    private List<QuestionOption> ParseOptions()
    {
        var list = new List<QuestionOption>();
        foreach (var line in OptionsText.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var at = line.LastIndexOf('=');
            double? score = at > 0 && double.TryParse(line[(at + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s : null;
            var label = score is null ? line : line[..at].Trim();
            var value = Kept.FirstOrDefault(o => o.Label == label)?.Value ?? label;
            list.Add(new QuestionOption { Value = value, Label = label, Score = score });
        }
        return list;
    }
}
