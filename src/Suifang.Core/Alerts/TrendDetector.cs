using System.Globalization;

namespace Suifang.Core.Alerts;

public enum WorseDirection
{
    Rising = 1,
    Falling = 2,
}

/// One trend rule (7.2.5.1 b): the result key it reads, which way is worse, how many consecutive results must each be
/// worse than the one before, and the least total change that counts (a department may raise or lower it).
public sealed record TrendRule(string Key, string Label, string Unit, WorseDirection Worse, decimal MinTotalChange, int Points = 3)
{
    public string RuleKey => "trend:" + Key;
}

/// A measured value as stored; Unit null means the rule's own unit.
public sealed record Measurement(DateTime At, string? Value, string? Unit = null);

public sealed record TrendFinding(TrendRule Rule, IReadOnlyList<decimal> Values, string Comparison, string Reason);

/// Finds worsening across the last consecutive follow-ups: every step worse than the one before and the total change
/// at least the rule's minimum. Missing or unreadable values are skipped (the results around them stay consecutive);
/// values in another unit are converted (mg/dL glucose, kPa blood pressure); a flat or noisy series is not a trend.
public static class TrendDetector
{
    public static readonly IReadOnlyList<TrendRule> Defaults =
    [
        new("blood_pressure_systolic", "收缩压", "mmHg", WorseDirection.Rising, 10m),
        new("blood_glucose_fasting", "空腹血糖", "mmol/L", WorseDirection.Rising, 1.0m),
        new("barthel_score", "Barthel 日常生活能力评分", "分", WorseDirection.Falling, 10m),
    ];

    public static TrendFinding? Evaluate(TrendRule rule, IEnumerable<Measurement> series)
    {
        var values = series.OrderBy(m => m.At)
            .Select(m => Normalize(rule, m))
            .Where(v => v is not null).Select(v => v!.Value)
            .TakeLast(rule.Points).ToList();
        if (values.Count < rule.Points)
            return null;
        for (var i = 1; i < values.Count; i++)
        {
            var step = values[i] - values[i - 1];
            if (rule.Worse == WorseDirection.Rising ? step <= 0 : step >= 0)
                return null;
        }
        var total = Math.Abs(values[^1] - values[0]);
        if (total < rule.MinTotalChange)
            return null;
        var shown = string.Join(" → ", values.Select(Format));
        var comparison = $"{rule.Label} {shown} {rule.Unit}（近{values.Count}次随访）";
        var verb = rule.Worse == WorseDirection.Rising ? "连续升高" : "连续下降";
        return new TrendFinding(rule, values, comparison, $"{rule.Label}{verb}：{shown} {rule.Unit}，请医生评估");
    }

    /// The value in the rule's unit, or null when it cannot be read.
    public static decimal? Normalize(TrendRule rule, Measurement m)
    {
        if (!decimal.TryParse((m.Value ?? "").Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var v))
            return null;
        var unit = (m.Unit ?? rule.Unit).Trim();
        if (string.Equals(unit, rule.Unit, StringComparison.OrdinalIgnoreCase))
            return v;
        return (rule.Unit.ToLowerInvariant(), unit.ToLowerInvariant()) switch
        {
            ("mmol/l", "mg/dl") => Math.Round(v / 18.0m, 1),
            ("mmhg", "kpa") => Math.Round(v * 7.5m, 0),
            _ => null,
        };
    }

    private static string Format(decimal v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
