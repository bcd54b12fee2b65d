using System.Text.Json;

namespace Suifang.Eval.Reporting;

/// The level a metric is held to: at least <see cref="Min"/> or at most <see cref="Max"/>; gated metrics make
/// `compare` fail when they get worse. Source says where the number comes from (the standard's clause or the team's target).
internal sealed record Threshold(double? Min, double? Max, bool Gate, string Source);

/// thresholds.json shipped with the tool: { "metrics": { "key": { "min": 0.9, "gate": true, "source": "…" } } }.
internal sealed class Thresholds(IReadOnlyDictionary<string, Threshold> byKey)
{
    public IReadOnlyDictionary<string, Threshold> ByKey => byKey;

    private sealed record File(Dictionary<string, Threshold> Metrics);

    public static Thresholds Load(string path)
    {
        try
        {
            var file = JsonSerializer.Deserialize<File>(System.IO.File.ReadAllText(path), RunReport.Json)
                       ?? throw new InvalidDataException($"{path} 是空文件。");
            return new Thresholds(file.Metrics);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"阈值文件 {path} 格式不对：{e.Message}", e);
        }
    }

    /// The shipped file next to the tool.
    public static Thresholds Shipped() => Load(Path.Combine(AppContext.BaseDirectory, "thresholds.json"));

    /// The metric with its threshold, pass/fail and gate filled in (pass is null without a threshold or a value).
    public MetricResult Apply(MetricResult m)
    {
        if (!byKey.TryGetValue(m.Key, out var t)) return m;
        var limit = t.Min ?? t.Max;
        bool? pass = m.Value is not { } v || limit is null ? null : t.Min is { } min ? v >= min : v <= t.Max!.Value;
        return m with { Threshold = limit, Pass = pass, Gated = t.Gate, ThresholdSource = t.Source };
    }
}
