using System.Globalization;

namespace Suifang.Core.Questionnaires;

/// A total score and its band (风险分级), with the sub-scores (分量表) when the rule defines them.
public sealed record ScoreResult(double Score, ScoreBand? Band)
{
    public RiskLevel Risk => Band?.Level ?? RiskLevel.None;
    public string? Label => Band?.Label;
    public IReadOnlyList<SubScoreResult> SubScores { get; init; } = [];
}

public sealed record SubScoreResult(SubScore Rule, double Score, ScoreBand? Band);

/// 计分: sums the scored items' answers. A choice counts its option's score (a multiple choice the sum of its chosen
/// options), a number or rating its value; a reverse item (反向计分) counts from the other end of its range. Unanswered
/// items count nothing.
public static class QuestionnaireScoring
{
    /// The alert key of the total score (异常提醒 "总分 ≥ 10"); "$sub:<key>" names a sub-score.
    public const string TotalKey = "$total";
    public const string SubPrefix = "$sub:";

    public static ScoreResult? Score(QuestionnaireContent content, IReadOnlyDictionary<string, string> answers)
    {
        if (content.Scoring is not { } rule)
            return null;
        var total = Math.Round(Sum(ItemsOf(content, rule.Items), answers) * rule.Multiplier, 2);
        var subs = rule.SubScores.Select(s =>
        {
            var score = Math.Round(Sum(ItemsOf(content, s.Items), answers), 2);
            return new SubScoreResult(s, score, s.Bands.FirstOrDefault(b => score >= b.Min && score <= b.Max));
        }).ToList();
        return new ScoreResult(total, BandOf(rule, total)) { SubScores = subs };
    }

    public static ScoreBand? BandOf(ScoringRule rule, double score) =>
        rule.Bands.FirstOrDefault(b => score >= b.Min && score <= b.Max);

    /// The questions a rule's item list names; all scored questions when it names none.
    public static IEnumerable<QuestionnaireQuestion> ItemsOf(QuestionnaireContent content, List<string> items) => items.Count > 0
        ? items.Select(content.Question).OfType<QuestionnaireQuestion>()
        : content.Questions.Where(IsScored);

    public static double ItemScore(QuestionnaireQuestion q, string value)
    {
        switch (q.Type)
        {
            case QuestionType.SingleChoice:
                return q.Options.FirstOrDefault(o => o.Value == value) is { Score: { } s } ? Directed(q, s) : 0;
            case QuestionType.MultipleChoice:
                var chosen = value.Split(';', StringSplitOptions.RemoveEmptyEntries);
                return q.Options.Where(o => chosen.Contains(o.Value) && o.Score is not null).Sum(o => Directed(q, o.Score!.Value));
            case QuestionType.Number or QuestionType.Rating:
                return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? Directed(q, d) : 0;
            default:
                return 0;
        }
    }

    /// The lowest and highest points a question can give (null: a number question without both limits).
    public static (double Min, double Max)? ItemRange(QuestionnaireQuestion q)
    {
        switch (q.Type)
        {
            case QuestionType.SingleChoice:
                var scores = q.Options.Where(o => o.Score is not null).Select(o => o.Score!.Value).ToList();
                return scores.Count == 0 ? (0, 0) : (scores.Min(), scores.Max());
            case QuestionType.MultipleChoice:
                var all = q.Options.Where(o => o.Score is not null).Select(o => o.Score!.Value).ToList();
                return (all.Where(s => s < 0).Sum(), all.Where(s => s > 0).Sum());
            case QuestionType.Number or QuestionType.Rating:
                return QuestionnaireAnswers.Range(q) is ({ } lo, { } hi) ? (lo, hi) : null;
            default:
                return (0, 0);
        }
    }

    /// The range of a total over the given items (unanswered optional items count 0), or null when one is open-ended.
    public static (double Min, double Max)? Range(IEnumerable<QuestionnaireQuestion> items, double multiplier = 1)
    {
        double min = 0, max = 0;
        foreach (var q in items)
        {
            if (ItemRange(q) is not { } r)
                return null;
            min += q.Required ? r.Min : Math.Min(0, r.Min);
            max += q.Required ? r.Max : Math.Max(0, r.Max);
        }
        return multiplier >= 0 ? (min * multiplier, max * multiplier) : (max * multiplier, min * multiplier);
    }

    public static bool IsScored(QuestionnaireQuestion q) =>
        q.Type is QuestionType.Rating || (q.Type is QuestionType.SingleChoice or QuestionType.MultipleChoice && q.Options.Any(o => o.Score is not null));

    private static double Sum(IEnumerable<QuestionnaireQuestion> items, IReadOnlyDictionary<string, string> answers)
    {
        var total = 0.0;
        foreach (var q in items)
        {
            if (answers.TryGetValue(q.Key, out var value))
                total += ItemScore(q, value);
        }
        return total;
    }

    /// A reverse item counts from the other end: on a 0–3 item, 0 counts 3 and 3 counts 0.
    private static double Directed(QuestionnaireQuestion q, double points)
    {
        if (!q.Reverse)
            return points;
        if (q.Type is QuestionType.SingleChoice or QuestionType.MultipleChoice)
        {
            var scores = q.Options.Where(o => o.Score is not null).Select(o => o.Score!.Value).ToList();
            return scores.Count == 0 ? points : scores.Min() + scores.Max() - points;
        }
        return ItemRange(q) is { } r ? r.Min + r.Max - points : points;
    }
}
