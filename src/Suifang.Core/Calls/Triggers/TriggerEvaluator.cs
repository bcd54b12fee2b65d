using System.Globalization;
using Suifang.Core.Pathways;

namespace Suifang.Core.Calls.Triggers;

/// An answer as the triggers read it: the normalised value and the words behind it.
public sealed record AnswerFact(string QuestionKey, string Value, string Said, int? TurnIndex = null);

/// A rule that fired, with the answer that fired it (the evidence on the to-do).
public sealed record TriggerHit(TriggerRule Rule, AnswerFact Answer);

/// 异常触发 (5.1.4, 7.2.5.1): a step's trigger rules over the answers of a follow-up. Pure: the call channel, the
/// questionnaire and manual entry share it. Yes/no answers compare in either language ("是" = "yes"); numbers compare as
/// numbers; a rule whose answer is missing or not comparable does not fire.
public static class TriggerEvaluator
{
    public static IReadOnlyList<TriggerHit> Evaluate(IEnumerable<TriggerRule> rules, IEnumerable<AnswerFact> answers)
    {
        var byKey = answers.GroupBy(a => a.QuestionKey, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var hits = new List<TriggerHit>();
        foreach (var rule in rules)
        {
            if (byKey.TryGetValue(rule.QuestionKey, out var answer) && Fires(rule, answer.Value))
                hits.Add(new TriggerHit(rule, answer));
        }
        // Critical first, so the most urgent to-do is written (and read) first.
        return hits.OrderByDescending(h => h.Rule.Severity).ToList();
    }

    public static bool Fires(TriggerRule rule, string value)
    {
        var answer = Normalize(value);
        var expected = Normalize(rule.Value);
        return rule.Operator switch
        {
            TriggerOperator.Equals => string.Equals(answer, expected, StringComparison.OrdinalIgnoreCase),
            TriggerOperator.NotEquals => answer.Length > 0 && !string.Equals(answer, expected, StringComparison.OrdinalIgnoreCase),
            TriggerOperator.Contains => expected.Length > 0 && answer.Contains(expected, StringComparison.OrdinalIgnoreCase),
            _ => Compare(rule.Operator, answer, expected),
        };
    }

    private static bool Compare(TriggerOperator op, string answer, string expected)
    {
        var a = Numbers(answer);
        var e = Numbers(expected);
        if (a.Count == 0 || e.Count == 0)
            return false;
        // "150/95" against "140/90": either part beyond its limit fires (systolic or diastolic).
        var pairs = a.Zip(e).ToList();
        return op switch
        {
            TriggerOperator.GreaterOrEqual => pairs.Any(p => p.First >= p.Second),
            TriggerOperator.LessOrEqual => pairs.Any(p => p.First <= p.Second),
            TriggerOperator.Greater => pairs.Any(p => p.First > p.Second),
            TriggerOperator.Less => pairs.Any(p => p.First < p.Second),
            _ => false,
        };
    }

    private static List<double> Numbers(string s)
    {
        var list = new List<double>();
        foreach (var part in s.Split('/', StringSplitOptions.TrimEntries))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
                return [];
            list.Add(d);
        }
        return list;
    }

    /// "是"/"有"/"对" → "yes", "否"/"没有"/"无" → "no", "不确定"/"说不好" → "uncertain"; other values trimmed.
    public static string Normalize(string value)
    {
        var v = value.Trim();
        return v switch
        {
            "是" or "有" or "对" or "yes" or "Yes" or "YES" or "true" => "yes",
            "否" or "没有" or "无" or "不是" or "no" or "No" or "NO" or "false" => "no",
            "不确定" or "说不好" or "不清楚" or "uncertain" => "uncertain",
            _ => v,
        };
    }
}
