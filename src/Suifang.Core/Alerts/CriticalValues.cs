using System.Globalization;

namespace Suifang.Core.Alerts;

/// A limit for a value the patient states (危急值 said on a call, in a questionnaire or to a nurse): at or below Low, or
/// at or above High, is critical. Configurable under Alerts:CriticalValues.
public sealed class CriticalLimit
{
    public string Label { get; set; } = "";
    public string Unit { get; set; } = "";
    public decimal? Low { get; set; }
    public decimal? High { get; set; }
}

public sealed record CriticalFinding(string RuleKey, string Reason);

/// Decides whether a stated value is critical (7.2.5.1 a); the rule key is "critical:<result key>".
public static class CriticalValues
{
    public static Dictionary<string, CriticalLimit> Defaults() => new(StringComparer.Ordinal)
    {
        ["blood_glucose_fasting"] = new() { Label = "血糖", Unit = "mmol/L", Low = 2.8m, High = 22.2m },
        ["blood_pressure_systolic"] = new() { Label = "收缩压", Unit = "mmHg", Low = 80m, High = 180m },
        ["blood_pressure_diastolic"] = new() { Label = "舒张压", Unit = "mmHg", High = 110m },
        ["heart_rate"] = new() { Label = "心率", Unit = "次/分", Low = 40m, High = 150m },
        ["oxygen_saturation"] = new() { Label = "血氧", Unit = "%", Low = 90m },
    };

    public static string RuleKeyOf(string code) => "critical:" + code;

    public static CriticalFinding? Evaluate(IReadOnlyDictionary<string, CriticalLimit> limits, string key, string? value)
    {
        if (!limits.TryGetValue(key, out var limit)
            || !decimal.TryParse((value ?? "").Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var v))
            return null;
        var shown = v.ToString("0.##", CultureInfo.InvariantCulture);
        if (limit.Low is { } low && v <= low)
            return new(RuleKeyOf(key), $"危急值：患者自述{limit.Label} {shown} {limit.Unit}（≤ {low:0.##} {limit.Unit}），请立即联系患者");
        if (limit.High is { } high && v >= high)
            return new(RuleKeyOf(key), $"危急值：患者自述{limit.Label} {shown} {limit.Unit}（≥ {high:0.##} {limit.Unit}），请立即联系患者");
        return null;
    }
}
