using System.Text;

namespace Suifang.Eval.Reporting;

/// How one metric moved from run A to run B.
internal sealed record MetricChange(string Key, string Name, string Unit, double? A, double? B, double? Difference, bool Worse, bool Gated, string Verdict);

/// `compare A.json B.json`: per metric the difference B − A and whether B is worse beyond A's confidence interval
/// (higher-is-better: B below A's lower bound; lower-is-better: B above A's upper bound; without an interval any
/// worsening counts). A gated metric that got worse, or that B lacks, fails the comparison.
internal static class Comparison
{
    /// Differences below this are rounding, not change.
    private const double Tolerance = 1e-9;

    public static IReadOnlyList<MetricChange> Compare(RunReport a, RunReport b)
    {
        var changes = new List<MetricChange>();
        var bByKey = b.Metrics.ToDictionary(m => m.Key);
        foreach (var ma in a.Metrics)
        {
            bByKey.TryGetValue(ma.Key, out var mb);
            var gated = mb?.Gated ?? ma.Gated;
            if (mb?.Value is not { } vb)
            {
                var lacks = ma.Value is not null;
                changes.Add(new MetricChange(ma.Key, ma.Name, ma.Unit, ma.Value, null, null, lacks && gated, gated, lacks ? "B 缺少此指标" : "两次都未测"));
                continue;
            }
            if (ma.Value is not { } va)
            {
                changes.Add(new MetricChange(ma.Key, ma.Name, ma.Unit, null, vb, null, false, gated, "A 未测"));
                continue;
            }
            var worse = ma.HigherIsBetter ? vb < (ma.Low ?? va) - Tolerance : vb > (ma.High ?? va) + Tolerance;
            var better = ma.HigherIsBetter ? vb > (ma.High ?? va) + Tolerance : vb < (ma.Low ?? va) - Tolerance;
            var verdict = worse ? "变差（超出 A 的置信区间）" : better ? "变好（超出 A 的置信区间）" : "无显著变化";
            changes.Add(new MetricChange(ma.Key, ma.Name, ma.Unit, va, vb, vb - va, worse, gated, verdict));
        }
        foreach (var mb in b.Metrics.Where(m => a.Metrics.All(x => x.Key != m.Key)))
            changes.Add(new MetricChange(mb.Key, mb.Name, mb.Unit, null, mb.Value, null, false, mb.Gated, "A 缺少此指标"));
        return changes;
    }

    public static bool Fails(IReadOnlyList<MetricChange> changes) => changes.Any(c => c.Gated && c.Worse);

    public static string Markdown(string pathA, string pathB, IReadOnlyList<MetricChange> changes)
    {
        var sb = new StringBuilder();
        sb.AppendLine("# 评测对比").AppendLine();
        sb.AppendLine($"A：`{pathA}`  ").AppendLine($"B：`{pathB}`").AppendLine();
        sb.AppendLine("| 指标 | A | B | 差值 (B−A) | 门禁 | 结论 |").AppendLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var c in changes)
            sb.AppendLine($"| {c.Name} (`{c.Key}`) | {Format.Value(c.A, c.Unit)} | {Format.Value(c.B, c.Unit)} | {Format.Signed(c.Difference, c.Unit)} | {(c.Gated ? "是" : "否")} | {(c.Worse && c.Gated ? "**" + c.Verdict + "**" : c.Verdict)} |");
        sb.AppendLine().AppendLine(Fails(changes)
            ? $"**不通过**：{changes.Count(c => c.Gated && c.Worse)} 个门禁指标变差或缺失。"
            : "**通过**：没有门禁指标变差。");
        return sb.ToString();
    }
}
