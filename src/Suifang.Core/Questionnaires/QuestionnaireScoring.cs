using System.Globalization;

namespace Suifang.Core.Questionnaires;

/// A total score and its band (风险分级).
public sealed record ScoreResult(double Score, ScoreBand? Band)
{
    public RiskLevel Risk => Band?.Level ?? RiskLevel.None;
    public string? Label => Band?.Label;
}

/// 计分: sums the scored items' answers. A choice counts its option's score (a multiple choice the sum of its chosen
/// options), a number or rating its value. Unanswered items count nothing.
public static class QuestionnaireScoring
{
    public static ScoreResult? Score(QuestionnaireContent content, IReadOnlyDictionary<string, string> answers)
    {
        if (content.Scoring is not { } rule)
            return null;
        var items = rule.Items.Count > 0
            ? rule.Items.Select(content.Question).OfType<QuestionnaireQuestion>()
            : content.Questions.Where(IsScored);
        var total = 0.0;
        foreach (var q in items)
        {
            if (answers.TryGetValue(q.Key, out var value))
                total += ItemScore(q, value);
        }
        total = Math.Round(total * rule.Multiplier, 2);
        return new ScoreResult(total, BandOf(rule, total));
    }

    public static ScoreBand? BandOf(ScoringRule rule, double score) =>
        rule.Bands.FirstOrDefault(b => score >= b.Min && score <= b.Max);

    public static double ItemScore(QuestionnaireQuestion q, string value)
    {
        switch (q.Type)
        {
            case QuestionType.SingleChoice:
                return q.Options.FirstOrDefault(o => o.Value == value)?.Score ?? 0;
            case QuestionType.MultipleChoice:
                var chosen = value.Split(';', StringSplitOptions.RemoveEmptyEntries);
                return q.Options.Where(o => chosen.Contains(o.Value)).Sum(o => o.Score ?? 0);
            case QuestionType.Number or QuestionType.Rating:
                return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : 0;
            default:
                return 0;
        }
    }

    private static bool IsScored(QuestionnaireQuestion q) =>
        q.Type is QuestionType.Rating || (q.Type is QuestionType.SingleChoice or QuestionType.MultipleChoice && q.Options.Any(o => o.Score is not null));
}
