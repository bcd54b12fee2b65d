using System.Text;

namespace Suifang.Eval.Reporting;

/// The report a hospital can hand to its review board: run facts, one overview table (clause, metric, value, 95 %
/// interval, threshold, pass/fail, n), then each suite with its notes and worst examples, then the methods.
internal static class MarkdownReport
{
    public static string Write(RunReport r)
    {
        var sb = new StringBuilder();
        sb.AppendLine("# 随访智能体评测报告").AppendLine();
        sb.AppendLine("## 运行信息").AppendLine();
        sb.AppendLine("| 项目 | 内容 |").AppendLine("| --- | --- |");
        sb.AppendLine($"| 开始时间 (UTC) | {r.StartedAtUtc:yyyy-MM-dd HH:mm:ss} |");
        sb.AppendLine($"| 用时 | {r.Seconds:F1} 秒{(r.CpuSeconds is { } cpu ? $"（进程 CPU 时间 {cpu:F1} 秒）" : "")} |");
        sb.AppendLine($"| 数据 | `{Format.Cell(r.Data)}` |");
        sb.AppendLine($"| 数据划分 | {(r.Split == "all" ? "全部" : "测试集 (split = test)")} |");
        if (r.Commit is not null) sb.AppendLine($"| 代码版本 | `{r.Commit}` |");
        if (r.Load is not null) sb.AppendLine($"| 机器负载 (开始 → 结束) | {Format.Cell(r.Load)} |");
        if (r.Understander is not null) sb.AppendLine($"| 理解模型 | {Format.Cell(r.Understander)} |");
        if (r.Embeddings is not null) sb.AppendLine($"| BERTScore 嵌入 | {Format.Cell(r.Embeddings)} |");
        sb.AppendLine();

        var passed = r.Metrics.Count(m => m.Pass == true);
        var failed = r.Metrics.Count(m => m.Pass == false);
        sb.AppendLine("## 总览").AppendLine();
        sb.AppendLine($"达标 {passed} 项，未达标 {failed} 项，无阈值或未测 {r.Metrics.Count - passed - failed} 项；未运行的测试集见下文。").AppendLine();
        MetricTable(sb, r.Metrics);

        foreach (var s in r.Suites)
        {
            sb.AppendLine().AppendLine($"## {s.Name}（{s.Clause}）").AppendLine();
            if (!s.Ran)
            {
                sb.AppendLine($"**未测**：{s.Skipped}");
                continue;
            }
            foreach (var note in s.Notes) sb.AppendLine($"- {note}");
            if (s.Notes.Count > 0) sb.AppendLine();
            var metrics = r.Metrics.Where(m => m.Suite == s.Key).ToList();
            if (metrics.Count > 0) MetricTable(sb, metrics);
            if (s.Worst.Count > 0)
            {
                sb.AppendLine().AppendLine($"最差样例（前 {s.Worst.Count} 条）：").AppendLine();
                sb.AppendLine("| 编号 | 输入 | 期望 | 实际 | 得分 |").AppendLine("| --- | --- | --- | --- | --- |");
                foreach (var e in s.Worst)
                    sb.AppendLine($"| {Format.Cell(e.Id)} | {Format.Cell(e.Text)} | {Format.Cell(e.Expected)} | {Format.Cell(e.Got)} | {(e.Score is { } x ? x.ToString("F3", System.Globalization.CultureInfo.InvariantCulture) : "")} |");
            }
        }

        sb.AppendLine().AppendLine("## 方法说明").AppendLine();
        sb.AppendLine("- 比例类指标（灵敏度、特异度、准确率、P_M、P_D、E_p、P_p、召回率@k）的 95 % 置信区间用 Wilson 法；");
        sb.AppendLine("  其余（宏 F1、ROUGE、BERTScore、错误率、MOS、MRR、响应时间百分位）用固定随机种子的自助法（bootstrap，1000 次重抽样），同一数据每次结果相同。");
        sb.AppendLine("- “结论”按阈值文件判断：达标 = 数值不低于下限（或不高于上限）。阈值来源见每行的说明与 docs/drafts/eval.md。");
        sb.AppendLine("- 响应时间随机器负载变化，应与上面的负载一同阅读。");
        return sb.ToString();
    }

    private static void MetricTable(StringBuilder sb, IReadOnlyList<MetricResult> metrics)
    {
        sb.AppendLine("| 条款 | 指标 | 值 | 95 % 置信区间 | 阈值 | 结论 | n | 说明 |");
        sb.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var m in metrics)
        {
            var threshold = m.Threshold is null ? "—" : (m.HigherIsBetter ? "≥ " : "≤ ") + Format.Value(m.Threshold, m.Unit);
            var verdict = m.Pass switch { true => "达标", false => "**未达标**", null => m.Value is null ? "未测" : "—" };
            var note = string.Join("；", new[] { m.Note, m.ThresholdSource is null ? null : "阈值：" + m.ThresholdSource, m.Gated ? "门禁" : null }.Where(x => x is not null));
            sb.AppendLine($"| {m.Clause} | {Format.Cell(m.Name)} | {Format.Value(m.Value, m.Unit)} | {Format.Range(m.Low, m.High, m.Unit)} | {threshold} | {verdict} | {m.N} | {Format.Cell(note)} |");
        }
    }
}
