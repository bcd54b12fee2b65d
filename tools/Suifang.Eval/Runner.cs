using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Suifang.Agent.Understanding;
using Suifang.Agent.Understanding.Chinese;
using Suifang.Eval.Embeddings;
using Suifang.Eval.Metrics;
using Suifang.Eval.Reporting;
using Suifang.Eval.Suites;

namespace Suifang.Eval;

/// `run`: builds the real agent parts, runs the suites, applies the thresholds, writes the Markdown and JSON report.
internal static class Runner
{
    public static IReadOnlyList<ISuite> AllSuites() =>
    [
        new UnderstandingSuite(), new RetrievalSuite(), new ReasoningSuite(), new SummariesSuite(),
        new TriageSuite(), new ConformanceSuite(),
        new SpeechSuite(), new MosSuite(), new PlanningSuite(),
    ];

    public static async Task<(RunReport Report, string MarkdownPath, string JsonPath, bool SuiteFailed)> RunAsync(EvalOptions options, TextWriter log, CancellationToken ct)
    {
        var started = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        var loadAtStart = LoadAverage();
        var thresholds = options.Thresholds is null ? Thresholds.Shipped() : Thresholds.Load(options.Thresholds);
        var configuration = Configuration(options);

        log.WriteLine("准备理解模型…");
        var (understander, understanderName) = Understander(options);
        log.WriteLine("准备嵌入…");
        var (embeddings, embeddingsName) = Embeddings(options);
        using var context = new EvalContext(options, understander, understanderName, embeddings, embeddingsName, configuration);

        var metrics = new List<MetricResult>();
        var suites = new List<SuiteResult>();
        var failed = false;
        foreach (var suite in AllSuites().Where(s => options.Suites is null || options.Suites.Contains(s.Key)))
        {
            log.WriteLine($"运行 {suite.Key}…");
            var suiteClock = Stopwatch.StartNew();
            try
            {
                var output = await suite.RunAsync(context, ct);
                suites.AddRange(output.Suites.Select((s, i) => i == 0 && s.Seconds == 0 ? s with { Seconds = suiteClock.Elapsed.TotalSeconds } : s));
                metrics.AddRange(output.Metrics);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or HttpRequestException or InvalidOperationException
                                          or System.ClientModel.ClientResultException or ArgumentException or Suifang.Integrations.Speech.SpeechProviderException)
            {
                failed = true;
                suites.Add(SuiteResult.Skip(suite.Key, suite.Key, "—", $"出错：{e.Message}"));
                log.WriteLine($"  {suite.Key} 出错：{e.Message}");
            }
        }
        var (latencySuite, latencyMetrics) = Latency(context);
        if (latencySuite is not null) { suites.Add(latencySuite); metrics.AddRange(latencyMetrics); }

        var report = new RunReport
        {
            StartedAtUtc = started, Seconds = clock.Elapsed.TotalSeconds, CpuSeconds = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds, Data = options.Data, Split = options.Split,
            Commit = Commit(options.Repository), Load = $"{loadAtStart} → {LoadAverage()}", Embeddings = embeddingsName,
            Understander = understanderName, Metrics = metrics.Select(thresholds.Apply).ToList(), Suites = suites,
        };
        Directory.CreateDirectory(options.Out);
        var stem = Path.Combine(options.Out, $"eval-{started:yyyyMMdd-HHmmss}");
        await File.WriteAllTextAsync(stem + ".md", MarkdownReport.Write(report), ct);
        await File.WriteAllTextAsync(stem + ".json", report.ToJson(), ct);
        return (report, stem + ".md", stem + ".json", failed);
    }

    private static (SuiteResult?, IReadOnlyList<MetricResult>) Latency(EvalContext context)
    {
        if (context.Latencies.Count == 0) return (null, []);
        var keys = new Dictionary<string, string> { ["理解（每句）"] = "latency.understand.p95", ["对话（每轮）"] = "latency.dialogue.p95",
            ["知识检索（每问）"] = "latency.knowledge.p95", ["语音识别（每句）"] = "latency.asr.p95" };
        var metrics = new List<MetricResult>();
        var notes = new List<string> { "ES_T = 智能体返回结果的时间 − 请求开始的时间（7.1.1），在评测进程内围绕真实调用计时（不含电话线路与语音合成）；受机器负载影响，须与负载一同阅读。" };
        foreach (var (what, ms) in context.Latencies)
        {
            var s = LatencySummary.Of(ms)!;
            notes.Add($"{what}：{s.Count} 次，P50 {s.P50:F2} ms，P90 {s.P90:F2} ms，P95 {s.P95:F2} ms，P99 {s.P99:F2} ms，最长 {s.Max:F2} ms。");
            metrics.Add(Figures.Bootstrapped(keys.GetValueOrDefault(what, "latency." + what), "latency", "7.1.1", $"响应时间 ES_T P95：{what}", ms,
                xs => Intervals.Percentile(xs.Order().ToArray(), 0.95), unit: "ms", higherIsBetter: false, note: $"P50 {s.P50:F2} ms，P99 {s.P99:F2} ms"));
        }
        return (new SuiteResult { Key = "latency", Name = "回答时效性 ES_T", Clause = "7.1.1", Notes = notes }, metrics);
    }

    private static IConfiguration Configuration(EvalOptions options)
    {
        // Spoken prompts are cached outside the repository (the product's default would be ./data/speech-cache).
        var builder = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Speech:Cache:Folder"] = Path.Combine(Path.GetTempPath(), "suifang-eval-speech-cache"),
        });
        if (options.Config is not null) builder.AddJsonFile(Path.GetFullPath(options.Config), optional: false);
        return builder.AddEnvironmentVariables().Build();
    }

    /// The intent classifier must not have seen the lines it is measured on: with the default test split and a data set
    /// that has train lines, it is trained now on those train lines only ("trained"); "shipped" uses
    /// data/nlu/intent-model.zip, which was trained on every shipped line (test lines included).
    private static (IUnderstander, string) Understander(EvalOptions options)
    {
        var folder = Path.Combine(options.Data, "nlu", "utterances");
        var lines = Directory.Exists(folder) ? UnderstandingSuite.Load(folder) : [];
        var train = lines.Where(u => !u.IsTest).ToList();
        var mode = options.Understander ?? (train.Count > 0 ? "trained" : "shipped");
        if (mode == "trained")
        {
            if (train.Count == 0) throw new ArgumentException("--understander trained 需要数据中有 split=train 的句子。");
            var note = options.Split == "all" ? "；注意：--split all 时训练句也被评测，数字偏高" : "，测试集未参与训练";
            return (ChineseUnderstander.Create(train), $"ChineseUnderstander（规则 + ML.NET 意图分类器，分类器只用本数据训练集 {train.Count} 句训练{note}）");
        }
        var shipped = ChineseUnderstander.Shared;
        return (shipped, shipped.UsesShippedModel
            ? "ChineseUnderstander（随产品发布的意图模型 data/nlu/intent-model.zip；该模型用全部随产品语料训练，评测随产品语料时数字偏高）"
            : "ChineseUnderstander（随产品语料启动时训练的意图分类器）");
    }

    private static (IEmbeddingGenerator<string, Embedding<float>>, string) Embeddings(EvalOptions options)
    {
        if (options.Embeddings == "openai")
        {
            var model = options.EmbeddingsModel ?? "text-embedding-3-small";
            return (OpenAiEmbeddings.Create(options.EmbeddingsUrl!, model, options.EmbeddingsKey), OpenAiEmbeddings.Describe(options.EmbeddingsUrl!, model));
        }
        var text = options.Repository is { } repo
            ? CharacterVectors.RepositoryText(repo)
            : UnderstandingSuite.Load(Path.Combine(options.Data, "nlu", "utterances")).Select(u => u.Text).ToList();
        var vectors = CharacterVectors.Learn(text);
        return (vectors, $"本地字向量（从仓库自有中文文本 {vectors.Sentences} 段学得 {vectors.Vocabulary} 个汉字，PPMI + SVD，{CharacterVectors.Dimensions} 维；" +
                         "不是 BERT 模型，分数只能与同一嵌入的结果比较；评测数据 data/eval 不参与学习）");
    }

    private static string? LoadAverage()
    {
        try { return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return null; }
    }

    private static string? Commit(string? repository)
    {
        if (repository is null) return null;
        try
        {
            var start = new ProcessStartInfo("git", "rev-parse --short HEAD") { WorkingDirectory = repository, RedirectStandardOutput = true, RedirectStandardError = true };
            using var p = Process.Start(start)!;
            var sha = p.StandardOutput.ReadToEnd().Trim();
            p.WaitForExit(5000);
            return p.ExitCode == 0 && sha.Length > 0 ? sha : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
