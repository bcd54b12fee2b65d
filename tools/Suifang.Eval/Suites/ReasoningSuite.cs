using Suifang.Eval.Data;
using Suifang.Eval.Metrics;
using Suifang.Eval.Reporting;

namespace Suifang.Eval.Suites;

/// Knowledge reasoning (7.1.2.3): the agent's knowledge answer is the top hit above its own confidence threshold
/// (KnowledgeIndex.Find), else none. P = correct / answered, R = correct / questions that have an answer.
internal sealed class ReasoningSuite : ISuite
{
    public string Key => "reasoning";

    public Task<SuiteOutput> RunAsync(EvalContext context, CancellationToken ct)
    {
        const string name = "知识推理", clause = "7.1.2.3";
        var path = context.DataPath("eval", "reasoning.jsonl");
        if (!File.Exists(path)) return Task.FromResult(SuiteOutput.Skipped(Key, name, clause, $"缺少数据 {path}"));
        var lines = Jsonl.Read<ReasoningLine>(path).Where(context.Included).ToList();
        var cases = new List<(string? Expected, string? Predicted)>();
        var worst = new List<Example>();
        foreach (var l in lines)
        {
            ct.ThrowIfCancellationRequested();
            var hit = context.Knowledge.Find(l.Question, l.Department);
            cases.Add((l.Expected, hit?.EntryId));
            if (hit?.EntryId != l.Expected) worst.Add(new Example(l.Id, l.Question, l.Expected ?? "不回答", hit?.EntryId ?? "不回答", hit?.Score));
        }
        var f = AnswerF1.Of(cases);
        var metrics = new List<MetricResult>
        {
            Figures.Bootstrapped("reasoning.f1", Key, "7.1.2.3", "知识推理 F1", cases, c => AnswerF1.Of(c).F1,
                note: $"P = {f.Correct}/{f.Answered}，R = {f.Correct}/{f.Answerable}"),
            Figures.Proportion("reasoning.precision", Key, "7.1.2.3", "知识推理精准率 P", f.Correct, f.Answered),
            Figures.Proportion("reasoning.recall", Key, "7.1.2.3", "知识推理召回率 R", f.Correct, f.Answerable),
        };
        return Task.FromResult(new SuiteOutput([new SuiteResult
        {
            Key = Key, Name = name, Clause = clause,
            Notes = [$"{lines.Count} 个问题，其中 {lines.Count(l => l.Expected is null)} 个知识库没有答案（应不回答）；回答 = KnowledgeIndex.Find 的最高分条目（不低于智能体自己的置信阈值 {context.Knowledge.MinimumScore:F2}）。"],
            Worst = worst.Take(context.Options.Worst).ToList(),
        }], metrics));
    }
}
