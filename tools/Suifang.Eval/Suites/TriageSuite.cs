using Suifang.Agent.Understanding.Triage;
using Suifang.Eval.Data;
using Suifang.Eval.Metrics;
using Suifang.Eval.Reporting;

namespace Suifang.Eval.Suites;

/// Department triage from a complaint (6.3): macro P/R/F1 of the top department, and the top-3 hit rate counting
/// the alternatives as acceptable.
internal sealed class TriageSuite : ISuite
{
    public string Key => "triage";

    public Task<SuiteOutput> RunAsync(EvalContext context, CancellationToken ct)
    {
        const string name = "分诊（主诉→科室）", clause = "6.3";
        var path = context.DataPath("eval", "triage.jsonl");
        if (!File.Exists(path)) return Task.FromResult(SuiteOutput.Skipped(Key, name, clause, $"缺少数据 {path}"));
        var lines = Jsonl.Read<TriageLine>(path).Where(context.Included).ToList();
        var cases = new List<(string Expected, string Predicted)>();
        var top3 = 0;
        var worst = new List<Example>();
        foreach (var l in lines)
        {
            ct.ThrowIfCancellationRequested();
            var ranked = DepartmentTriage.Shared.Rank(l.Complaint);
            var top = ranked.Count == 0 ? "无法判断" : ranked[0].Department;
            cases.Add((l.Expected, top));
            var acceptable = (l.Alternatives ?? []).Append(l.Expected).ToHashSet();
            if (ranked.Take(3).Any(c => acceptable.Contains(c.Department))) top3++;
            if (top != l.Expected) worst.Add(new Example(l.Id, l.Complaint, l.Expected, string.Join("、", ranked.Take(3).Select(c => c.Department))));
        }
        var metrics = new List<MetricResult>
        {
            Figures.Bootstrapped("triage.macro-precision", Key, "6.3 a", "分诊宏精准率 Macro-P", cases, c => MacroScores.Of(c).Precision),
            Figures.Bootstrapped("triage.macro-recall", Key, "6.3 b", "分诊宏召回率 Macro-R", cases, c => MacroScores.Of(c).Recall),
            Figures.Bootstrapped("triage.macro-f1", Key, "6.3 c", "分诊宏 F1", cases, c => MacroScores.Of(c).F1),
            Figures.Proportion("triage.top3", Key, "6.3", "前三名含正确科室（含可接受的备选）", top3, lines.Count),
        };
        return Task.FromResult(new SuiteOutput([new SuiteResult
        {
            Key = Key, Name = name, Clause = clause,
            Notes = [$"{lines.Count} 条主诉，{lines.Select(l => l.Expected).Distinct().Count()} 个科室；分诊目录 {DepartmentTriage.Shared.Departments.Count} 个科室。“无法判断”作为一个预测类别计入。"],
            Worst = worst.Take(context.Options.Worst).ToList(),
        }], metrics));
    }
}
