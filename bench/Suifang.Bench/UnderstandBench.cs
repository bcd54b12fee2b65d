using System.Diagnostics;
using Suifang.Agent.Understanding.Chinese;

namespace Suifang.Bench;

/// `understand`: latency of ChineseUnderstander.Understand over the held-out split (issue #4: an agent turn without LLM
/// and TTS ≤ 30 ms p95 including the dialogue step; understanding should take a few ms), start-up time and memory.
internal static class UnderstandBench
{
    public static Task<int> RunAsync(BenchArgs args)
    {
        var rounds = args.GetInt("rounds", 20);
        var threads = args.GetInt("threads", 1);
        var clock = Stopwatch.StartNew();
        _ = ChineseUnderstander.Create([]); // terms + jieba's dictionary, no classifier
        var rulesOnly = clock.Elapsed;
        _ = UtteranceDataset.All;
        var dataRead = clock.Elapsed - rulesOnly;
        var understander = ChineseUnderstander.Shared; // the shipped model (trains only when it is stale)
        var startup = clock.Elapsed;
        Console.WriteLine($"  start-up: terms + jieba {rulesOnly.TotalSeconds:F2} s, reading the dataset {dataRead.TotalSeconds:F2} s, intent model {(startup - rulesOnly - dataRead).TotalSeconds:F2} s (shipped: {understander.UsesShippedModel})");
        var cases = UtteranceDataset.All.Where(u => u.IsTest).ToList();
        foreach (var u in cases) understander.Understand(u.Text, QuestionCatalogue.ContextOf(u)); // warm-up
        GC.Collect();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var samples = new double[threads][];
        using var sampler = new MemorySampler();
        var wall = Stopwatch.StartNew();
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            var mine = new List<double>(rounds * cases.Count);
            for (var r = 0; r < rounds; r++)
                foreach (var u in cases)
                {
                    var context = QuestionCatalogue.ContextOf(u);
                    var start = Stopwatch.GetTimestamp();
                    understander.Understand(u.Text, context);
                    mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
            samples[t] = [.. mine];
        });
        wall.Stop();
        var all = samples.SelectMany(s => s).Order().ToArray();
        double P(double q) => all[Math.Min(all.Length - 1, (int)Math.Ceiling(q * all.Length) - 1)];
        Console.WriteLine($"understand: {cases.Count} held-out utterances x {rounds} rounds x {threads} thread(s) = {all.Length} calls in {wall.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"  start-up total {startup.TotalSeconds:F2} s");
        Console.WriteLine($"  latency ms: p50 {P(0.50):F2}  p95 {P(0.95):F2}  p99 {P(0.99):F2}  max {all[^1]:F2}");
        Console.WriteLine($"  throughput {all.Length / wall.Elapsed.TotalSeconds:F0} utterances/s");
        Console.WriteLine($"  managed heap after warm-up {heapBefore / 1048576.0:F0} MB; peak working set {sampler.PeakBytes / 1048576.0:F0} MB; allocated per call {(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (double)all.Length / 1024:F0} KB");
        return Task.FromResult(0);
    }
}

/// `understand-eval`: k-fold cross-validation on the train split (for tuning terms, rules and the classifier without
/// looking at the held-out split), then the held-out figures. Errors go to files for reading.
internal static class UnderstandEvalBench
{
    public static Task<int> RunAsync(BenchArgs args)
    {
        var folds = args.GetInt("folds", 5);
        var errors = args.Get("errors", Path.Combine(Path.GetTempPath(), "suifang-nlu-errors"));
        var all = UtteranceDataset.All;
        var train = all.Where(u => !u.IsTest).ToList();
        var cvErrors = new List<string>();
        double f1 = 0, sen = 0, spe = 0, values = 0;
        for (var k = 0; k < folds && folds > 1; k++)
        {
            var held = train.Where((_, i) => i % folds == k).ToList();
            var understander = ChineseUnderstander.Create(train.Where((_, i) => i % folds != k));
            var report = EvaluationReport.Run(understander, held);
            f1 += report.MacroF1 / folds; sen += report.Sensitivity / folds; spe += report.Specificity / folds; values += report.ValueAccuracy / folds;
            cvErrors.AddRange(report.Errors);
        }
        if (folds > 1)
        {
            Console.WriteLine($"{folds}-fold CV on train ({train.Count}): macro-F1 {f1:F3}, Sen {sen:F3}, Spe {spe:F3}, values {values:F3}");
            File.WriteAllLines(errors + ".cv", cvErrors);
        }
        var test = EvaluationReport.Run(ChineseUnderstander.Create(train), all.Where(u => u.IsTest).ToList());
        Console.WriteLine("held-out " + test.Summary());
        Console.WriteLine("held-out intent confusion (labelled → understood):\n" + test.ConfusionTable());
        File.WriteAllLines(errors + ".test", test.Errors);
        return Task.FromResult(0);
    }
}

/// `understand-train`: trains the intent classifier on every shipped utterance and writes data/nlu/intent-model.zip and
/// its fingerprint (run after changing data/nlu or the understanding rules; a test fails until then).
internal static class UnderstandTrainBench
{
    public static Task<int> RunAsync(BenchArgs args)
    {
        var folder = args.Get("out", Path.Combine("data", "nlu"));
        var clock = Stopwatch.StartNew();
        var understander = ChineseUnderstander.Create(UtteranceDataset.All);
        var trained = clock.Elapsed;
        using (var zip = File.Create(Path.Combine(folder, "intent-model.zip"))) understander.SaveModel(zip);
        File.WriteAllText(Path.Combine(folder, "intent-model.sha256"),
            ChineseUnderstander.DataHash() + "\n" + ChineseUnderstander.Fingerprint(UtteranceDataset.All) + "\n");
        Console.WriteLine($"trained on {UtteranceDataset.All.Count} utterances in {trained.TotalSeconds:F1} s; wrote {folder}/intent-model.zip and .sha256");
        return Task.FromResult(0);
    }
}
