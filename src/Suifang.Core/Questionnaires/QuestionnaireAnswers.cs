using System.Globalization;

namespace Suifang.Core.Questionnaires;

/// Checks and normalises a patient's answers against the content and its logic: only visible questions are kept,
/// values are checked by type, and each problem is a plain Chinese sentence that says how to fix it.
public static class QuestionnaireAnswers
{
    public sealed record Checked(Dictionary<string, string> Answers, IReadOnlyList<(string Key, string Problem)> Problems)
    {
        public bool Ok => Problems.Count == 0;
    }

    /// final: required questions must be answered (a progress save accepts gaps).
    public static Checked Check(QuestionnaireContent content, IReadOnlyDictionary<string, string> raw, bool final)
    {
        var trimmed = raw.Where(kv => kv.Value is not null && content.Question(kv.Key) is not null)
            .ToDictionary(kv => kv.Key, kv => kv.Value.Trim(), StringComparer.Ordinal);
        var visible = QuestionnaireFlow.Visible(content, trimmed);
        var kept = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<(string, string)>();
        for (var i = 0; i < visible.Count; i++)
        {
            var q = visible[i];
            if (!trimmed.TryGetValue(q.Key, out var value) || value.Length == 0)
            {
                if (final && q.Required)
                    problems.Add((q.Key, $"第 {i + 1} 题还没有回答，请填写后再提交。"));
                continue;
            }
            var problem = Problem(q, value, i + 1);
            if (problem is null)
                kept[q.Key] = value;
            else
                problems.Add((q.Key, problem));
        }
        return new Checked(kept, problems);
    }

    private static string? Problem(QuestionnaireQuestion q, string value, int number)
    {
        switch (q.Type)
        {
            case QuestionType.SingleChoice:
                return q.Options.Any(o => o.Value == value) ? null : $"第 {number} 题的选项无效，请重新选择。";
            case QuestionType.MultipleChoice:
                return value.Split(';', StringSplitOptions.RemoveEmptyEntries).All(v => q.Options.Any(o => o.Value == v))
                    ? null : $"第 {number} 题的选项无效，请重新选择。";
            case QuestionType.Number or QuestionType.Rating:
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
                    return $"第 {number} 题请填写数字，例如 36.8。";
                var (min, max) = Range(q);
                if (min is { } lo && d < lo || max is { } hi && d > hi)
                    return $"第 {number} 题请填写 {min?.ToString(CultureInfo.InvariantCulture) ?? "…"} 到 {max?.ToString(CultureInfo.InvariantCulture) ?? "…"} 之间的数。";
                return null;
            case QuestionType.Date:
                return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                    ? null : $"第 {number} 题请选择日期。";
            default:
                return value.Length <= 1000 ? null : $"第 {number} 题最多填写 1000 个字，请精简一些。";
        }
    }

    public static (double? Min, double? Max) Range(QuestionnaireQuestion q) => q.Type == QuestionType.Rating
        ? q.RatingStyle == RatingStyle.Stars ? (1, q.Max ?? 5) : (0, 10)
        : (q.Min, q.Max);

    /// The words of an answer as a nurse reads them ("偶尔漏服", "3 分", "2026-12-02").
    public static string Display(QuestionnaireQuestion q, string value) => q.Type switch
    {
        QuestionType.SingleChoice => q.Options.FirstOrDefault(o => o.Value == value)?.Label ?? value,
        QuestionType.MultipleChoice => string.Join("、", value.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(v => q.Options.FirstOrDefault(o => o.Value == v)?.Label ?? v)),
        QuestionType.Rating => q.RatingStyle == RatingStyle.Stars ? value + " 星" : value + " 分",
        QuestionType.Number when q.Unit is { Length: > 0 } unit => value + " " + unit,
        _ => value,
    };
}
