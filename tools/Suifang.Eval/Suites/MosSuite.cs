using Suifang.Eval.Metrics;
using Suifang.Eval.Reporting;

namespace Suifang.Eval.Suites;

/// MOS (6.4 c) from the rater CSV files in eval/mos/: the mean of all ratings, its bootstrap interval, the samples
/// rated lowest.
internal sealed class MosSuite : ISuite
{
    public string Key => "mos";

    public Task<SuiteOutput> RunAsync(EvalContext context, CancellationToken ct)
    {
        const string name = "语音自然度主观评分 MOS", clause = "6.4 c";
        var folder = context.DataPath("eval", "mos");
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.csv").Order(StringComparer.Ordinal).ToList() : [];
        if (files.Count == 0) return Task.FromResult(SuiteOutput.Skipped(Key, name, clause, $"缺少评分文件 {folder}/*.csv"));
        var ratings = files.SelectMany(Mos.Read).ToList();
        if (ratings.Count == 0) return Task.FromResult(SuiteOutput.Skipped(Key, name, clause, $"评分文件 {folder}/*.csv 只有表头，还没有评分"));
        var perSample = Mos.PerSample(ratings);
        var metrics = new List<MetricResult>
        {
            Figures.Bootstrapped("mos.mean", Key, "6.4 c", "平均意见得分 MOS", ratings, r => Mos.Mean(r), unit: "分",
                note: $"{ratings.Select(r => r.Rater).Distinct().Count()} 位评分人，{perSample.Count} 个样本"),
        };
        return Task.FromResult(new SuiteOutput([new SuiteResult
        {
            Key = Key, Name = name, Clause = clause,
            Notes = [$"评分文件：{string.Join("、", files.Select(Path.GetFileName))}（每行 评分人,样本,1–5 分）。", "置信区间按单次评分重抽样（bootstrap）。"],
            Worst = perSample.Take(context.Options.Worst).Select(s => new Example(s.Sample, $"{s.Ratings} 次评分", "≥ 4.5", $"{s.Mean:F2}", s.Mean)).ToList(),
        }], metrics));
    }
}
