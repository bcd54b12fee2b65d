using System.Diagnostics;
using Suifang.Agent.Dialogue;
using Suifang.Agent.Scripts;
using Suifang.Eval.Data;
using Suifang.Eval.Metrics;
using Suifang.Eval.Reporting;

namespace Suifang.Eval.Suites;

/// Dialogue summaries (6.2): each line's patient replies are fed in order to a real DialogueEngine conversation of the
/// named preset script; the summary the agent writes is scored against the nurse's reference by ROUGE-2 over Chinese
/// characters, keyword hit rate and BERTScore. Every Open/Reply is timed for ES_T (7.1.1).
internal sealed class SummariesSuite : ISuite
{
    public string Key => "summaries";

    public async Task<SuiteOutput> RunAsync(EvalContext context, CancellationToken ct)
    {
        const string name = "随访小结生成", clause = "6.2";
        var path = context.DataPath("eval", "summaries.jsonl");
        if (!File.Exists(path)) return SuiteOutput.Skipped(Key, name, clause, $"缺少数据 {path}");
        var lines = Jsonl.Read<SummaryLine>(path).Where(context.Included).ToList();
        var engine = new DialogueEngine(context.Understander, context.Knowledge);
        var scripts = new Dictionary<string, Script>();
        var clock = Stopwatch.StartNew();
        var items = new List<(SummaryLine Line, string Summary, CallEnding Ending)>();
        foreach (var line in lines)
        {
            ct.ThrowIfCancellationRequested();
            if (!scripts.TryGetValue(line.Script, out var script))
            {
                var file = context.ScriptPath(line.Script);
                if (!File.Exists(file)) throw new InvalidDataException($"{line.Id} 引用的话术 {file} 不存在。");
                scripts[line.Script] = script = ScriptJson.LoadFile(file);
            }
            var conversation = engine.Start(script, new ConversationSetup(line.Patient, "评测医院", null, line.Now,
                line.Now.Date.AddDays(-7), null, CallMemory.Empty));
            Timed(context, () => conversation.Open());
            var ended = false;
            foreach (var turn in line.Turns)
            {
                var reply = Timed(context, () => conversation.Reply(PatientInput.Said(turn)));
                if (reply.EndsCall) { ended = true; break; }
            }
            var outcome = ended ? conversation.Outcome : conversation.HungUp();
            items.Add((line, outcome.Summary, outcome.Ending));
        }

        var pairs = items.Select(i => (Candidate: i.Summary, Reference: i.Line.Reference)).ToList();
        var bert = await BertScore.ScoreAsync(context.Embeddings, pairs, ct);
        var scored = items.Select((item, k) => (item.Line, item.Summary, Rouge: TextMetrics.RougeCounts(item.Summary, item.Line.Reference),
            Hits: TextMetrics.KeywordHits(item.Summary, item.Line.Keywords), Bert: bert[k])).ToList();
        var metrics = new List<MetricResult>
        {
            Figures.Bootstrapped("summaries.rouge-2", Key, "6.2 a", "ROUGE-2（按汉字）", scored,
                s => Ratio(s.Sum(x => x.Rouge.Match), s.Sum(x => x.Rouge.Count)), unit: "",
                note: $"Σ共有二元组 {scored.Sum(x => x.Rouge.Match)} / Σ参考二元组 {scored.Sum(x => x.Rouge.Count)}"),
            Figures.Bootstrapped("summaries.keyword-hit-rate", Key, "6.2 b", "关键词命中率 Hit_Rate", scored,
                s => Ratio(s.Sum(x => x.Hits), s.Sum(x => x.Line.Keywords.Count)),
                note: $"命中 {scored.Sum(x => x.Hits)} / 关键词 {scored.Sum(x => x.Line.Keywords.Count)}"),
            Figures.Bootstrapped("summaries.bertscore-f1", Key, "6.2 c", "BERTScore F1", scored, s => s.Average(x => x.Bert.F1), unit: "",
                note: $"P {Avg(scored, x => x.Bert.Precision):F3}，R {Avg(scored, x => x.Bert.Recall):F3}；嵌入：{context.EmbeddingsName}"),
        };
        return new SuiteOutput([new SuiteResult
        {
            Key = Key, Name = name, Clause = clause, Seconds = clock.Elapsed.TotalSeconds,
            Notes = [$"{lines.Count} 通模拟随访，{scripts.Count} 个预置话术；患者回答按顺序交给真实的对话引擎 DialogueEngine，小结为通话结束时智能体写的小结。",
                     "ROUGE-2 按汉字计（去掉标点与空格），对全部参考小结求和后相除（6.2 a 的 Σ）；关键词命中率同样按总数计；BERTScore 为逐条 F1 的平均，以汉字为词元。",
                     $"BERTScore 使用的嵌入：{context.EmbeddingsName}。",
                     "最差样例按 ROUGE-2 从低到高；“期望”为护士写的参考小结，“实际”为智能体的小结。"],
            Worst = scored.OrderBy(s => s.Rouge.Count == 0 ? 0 : (double)s.Rouge.Match / s.Rouge.Count).Take(context.Options.Worst)
                .Select(s => new Example(s.Line.Id, "患者依次说：" + string.Join("／", s.Line.Turns), s.Line.Reference,
                    $"{s.Summary}（命中关键词 {s.Hits}/{s.Line.Keywords.Count}：{string.Join("、", s.Line.Keywords)}；BERTScore {s.Bert.F1:F3}）",
                    s.Rouge.Count == 0 ? 0 : (double)s.Rouge.Match / s.Rouge.Count)).ToList(),
        }], metrics);
    }

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;

    private static double Avg<T>(IReadOnlyList<T> xs, Func<T, double> f) => xs.Count == 0 ? 0 : xs.Average(f);

    private static AgentTurn Timed(EvalContext context, Func<AgentTurn> step)
    {
        var started = Stopwatch.GetTimestamp();
        var turn = step();
        context.Time("对话（每轮）", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return turn;
    }
}
