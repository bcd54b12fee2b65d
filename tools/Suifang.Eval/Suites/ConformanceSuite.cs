using Suifang.Agent.Scripts;
using Suifang.Eval.Data;
using Suifang.Eval.Reporting;

namespace Suifang.Eval.Suites;

/// Terminology and standard conformance (7.1.2.2): P_D = D_1 / D, one round = one follow-up record; a round is
/// correct when the checker finds exactly the expected problems (type + key), a clean record included.
internal sealed class ConformanceSuite : ISuite
{
    public string Key => "conformance";

    public Task<SuiteOutput> RunAsync(EvalContext context, CancellationToken ct)
    {
        const string name = "术语与标准符合性检查", clause = "7.1.2.2";
        var path = context.DataPath("eval", "conformance.jsonl");
        if (!File.Exists(path)) return Task.FromResult(SuiteOutput.Skipped(Key, name, clause, $"缺少数据 {path}"));
        var lines = Jsonl.Read<ConformanceLine>(path).Where(context.Included).ToList();
        var scripts = new Dictionary<string, Script>();
        var correct = 0;
        var worst = new List<Example>();
        foreach (var l in lines)
        {
            ct.ThrowIfCancellationRequested();
            if (!scripts.TryGetValue(l.Script, out var script)) scripts[l.Script] = script = ScriptJson.LoadFile(context.ScriptPath(l.Script));
            var found = RecordConformance.Check(script, l.Answers.Select(a => new RecordAnswer(a.Key, a.Value)).ToList(), l.Text);
            var got = found.Select(p => $"{p.Type.ToString().ToLowerInvariant()}:{p.Key}").ToHashSet();
            var expected = l.Expected.Select(p => $"{p.Type.ToLowerInvariant()}:{p.Key}").ToHashSet();
            if (got.SetEquals(expected)) correct++;
            else worst.Add(new Example(l.Id, string.Join("，", l.Answers.Select(a => $"{a.Key}={a.Value}")) + (l.Text is null ? "" : " " + l.Text),
                expected.Count == 0 ? "无问题" : string.Join("、", expected), got.Count == 0 ? "无问题" : string.Join("、", got)));
        }
        var metrics = new List<MetricResult>
        {
            Figures.Proportion("conformance.pd", Key, "7.1.2.2", "标准符合准确率 P_D", correct, lines.Count),
        };
        return Task.FromResult(new SuiteOutput([new SuiteResult
        {
            Key = Key, Name = name, Clause = clause,
            Notes = [$"{lines.Count} 份随访记录（轮次），其中 {lines.Count(l => l.Expected.Count == 0)} 份无问题；找出的问题（类型+题目）与标注完全一致才算正确。"],
            Worst = worst.Take(context.Options.Worst).ToList(),
        }], metrics));
    }
}
