using System.Diagnostics;
using Suifang.Eval.Data;
using Suifang.Eval.Metrics;
using Suifang.Eval.Reporting;

namespace Suifang.Eval.Suites;

/// Knowledge-base retrieval (7.3.2.2) with the agent's KnowledgeIndex over the shipped knowledge base: recall@k and MRR
/// of the expected entry, the share of uncovered questions answered anyway, and the search time (7.3.2.2 a).
internal sealed class RetrievalSuite : ISuite
{
    public string Key => "retrieval";

    public Task<SuiteOutput> RunAsync(EvalContext context, CancellationToken ct)
    {
        const string name = "知识库检索", clause = "7.3.2.2";
        var path = context.DataPath("kb", "queries.jsonl");
        if (!File.Exists(path)) return Task.FromResult(SuiteOutput.Skipped(Key, name, clause, $"缺少数据 {path}"));
        var queries = Jsonl.Read<KbQueryLine>(path).Select((q, i) => q with { Id = q.Id is { Length: > 0 } ? q.Id : $"kb-{i + 1:0000}" })
            .Where(context.Included).ToList();
        var index = context.Knowledge;
        var clock = Stopwatch.StartNew();
        var ranks = new List<int>();
        var searchMs = new List<double>();
        var worst = new List<Example>();
        var falseAnswers = new List<Example>();
        var uncovered = 0;
        foreach (var q in queries)
        {
            ct.ThrowIfCancellationRequested();
            var started = Stopwatch.GetTimestamp();
            var list = index.Search(q.Query, q.Department, 10);
            var found = index.Find(q.Query, q.Department);
            searchMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            context.Time("知识检索（每问）", searchMs[^1]);
            if (q.Expected is null)
            {
                uncovered++;
                if (found is not null) falseAnswers.Add(new Example(q.Id, q.Query, "不回答（知识库没有）", found.EntryId, found.Score));
                continue;
            }
            var rank = list.Select(c => c.Document.Id).ToList().IndexOf(q.Expected) + 1;
            ranks.Add(rank);
            if (rank != 1) worst.Add(new Example(q.Id, q.Query, q.Expected, list.FirstOrDefault()?.Document.Id ?? "无结果", rank == 0 ? 0 : 1.0 / rank));
        }
        var metrics = new List<MetricResult>
        {
            Figures.Proportion("retrieval.recall@1", Key, "7.3.2.2 b", "检索召回率@1", ranks.Count(r => r == 1), ranks.Count),
            Figures.Proportion("retrieval.recall@3", Key, "7.3.2.2 b", "检索召回率@3", ranks.Count(r => r is >= 1 and <= 3), ranks.Count),
            Figures.Proportion("retrieval.recall@5", Key, "7.3.2.2 b", "检索召回率@5", ranks.Count(r => r is >= 1 and <= 5), ranks.Count),
            Figures.Bootstrapped("retrieval.mrr", Key, "7.3.2.2 b", "平均倒数排名 MRR", ranks, r => Retrieval.Mrr(r), unit: ""),
            Figures.Proportion("retrieval.uncovered-answered", Key, "7.3.2.2 b", "知识库没有的问题却作答的比例", falseAnswers.Count, uncovered, higherIsBetter: false),
            Figures.Bootstrapped("retrieval.latency.p95", Key, "7.3.2.2 a", "检索时间 P95", searchMs, xs => Intervals.Percentile(xs.Order().ToArray(), 0.95),
                unit: "ms", higherIsBetter: false, note: LatencySummary.Of(searchMs) is { } l ? $"P50 {l.P50:F2} ms，P99 {l.P99:F2} ms，最长 {l.Max:F2} ms" : null),
        };
        return Task.FromResult(new SuiteOutput([new SuiteResult
        {
            Key = Key, Name = name, Clause = clause, Seconds = clock.Elapsed.TotalSeconds,
            Notes = [$"知识库：随产品预置的 {index.Count} 条（src/Suifang.Core/Knowledge/Presets），检索器 KnowledgeIndex（Lucene BM25 + 覆盖度）。",
                     $"{ranks.Count} 个有答案的问题、{uncovered} 个知识库没有答案的问题；检索时间含 Search(前 10) 与 Find 两次调用。"],
            Worst = falseAnswers.Concat(worst.OrderBy(e => e.Score)).Take(context.Options.Worst).ToList(),
        }], metrics));
    }
}
