using System.Diagnostics;
using Suifang.Agent.Understanding;
using Suifang.Agent.Understanding.Chinese;
using Suifang.Eval.Metrics;
using Suifang.Eval.Reporting;

namespace Suifang.Eval.Suites;

/// The real ChineseUnderstander over data/nlu/utterances: symptom status (6.1 binary, 6.3 three classes), intents
/// (6.3) and coreference (7.1.2.1); every Understand call is timed for ES_T (7.1.1).
internal sealed class UnderstandingSuite : ISuite
{
    public string Key => "understanding";

    private const string NotFound = "未识别";

    public Task<SuiteOutput> RunAsync(EvalContext context, CancellationToken ct)
    {
        var folder = context.DataPath("nlu", "utterances");
        if (!Directory.Exists(folder))
            return Task.FromResult(new SuiteOutput(
                [SuiteResult.Skip("symptoms", "症状状态", "6.1", $"缺少数据 {folder}"),
                 SuiteResult.Skip("intents", "意图识别", "6.3", $"缺少数据 {folder}"),
                 SuiteResult.Skip("coreference", "指代消解", "7.1.2.1", $"缺少数据 {folder}")], []));
        var cases = Load(folder).Where(u => context.Options.Split == "all" || u.IsTest).ToList();
        var clock = Stopwatch.StartNew();

        var binary = new List<(bool Expected, bool Predicted)>();
        var status = new List<(string Expected, string Predicted)>();
        var intents = new List<(string Expected, string Predicted)>();
        var references = new List<bool>();
        var symptomErrors = new List<Example>();
        var intentErrors = new List<Example>();
        var referenceErrors = new List<Example>();
        foreach (var u in cases)
        {
            ct.ThrowIfCancellationRequested();
            var started = Stopwatch.GetTimestamp();
            var result = context.Understander.Understand(u.Text, QuestionCatalogue.ContextOf(u));
            context.Time("理解（每句）", Stopwatch.GetElapsedTime(started).TotalMilliseconds);

            intents.Add((u.Intent, result.Intent.ToString()));
            if (u.Intent != result.Intent.ToString())
                intentErrors.Add(new Example(u.Id, $"[{u.Question}] {u.Text}", u.Intent, result.Intent.ToString()));

            foreach (var s in u.Symptoms ?? [])
            {
                var said = result.Symptoms.LastOrDefault(m => m.Term == s.Term)?.Status.ToString() ?? NotFound;
                status.Add((s.Status, said));
                if (s.Status is "Present" or "Absent") binary.Add((s.Status == "Present", said == "Present"));
                if (said != s.Status) symptomErrors.Add(new Example(u.Id, $"[{u.Question}] {u.Text}", $"{s.Term} {s.Status}", $"{s.Term} {said}"));
            }

            if (u.Mentioned is { Count: > 0 } mentioned)
            {
                // Each reference back to something mentioned earlier: a labelled symptom whose term was mentioned
                // (resolved right = the term with the labelled status), else each labelled value (a medicine's choice).
                var referred = (u.Symptoms ?? []).Where(s => mentioned.Contains(s.Term)).ToList();
                foreach (var s in referred)
                {
                    var ok = result.Symptoms.Any(m => m.Term == s.Term && m.Status.ToString() == s.Status);
                    references.Add(ok);
                    if (!ok) referenceErrors.Add(new Example(u.Id, $"{u.Text}（前文：{string.Join("、", mentioned)}）", $"{s.Term} {s.Status}",
                        string.Join("、", result.Symptoms.Select(m => $"{m.Term} {m.Status}")) is { Length: > 0 } got ? got : NotFound));
                }
                if (referred.Count == 0)
                    foreach (var v in u.Values ?? [])
                    {
                        var ok = result.Values.Any(r => r.Type.ToString() == v.Type && (v.Choice is null || r.Choice == v.Choice));
                        references.Add(ok);
                        if (!ok) referenceErrors.Add(new Example(u.Id, $"{u.Text}（前文：{string.Join("、", mentioned)}）", $"{v.Type} {v.Choice}{v.Number}",
                            string.Join("、", result.Values.Select(r => $"{r.Type} {r.Choice}{r.Number}")) is { Length: > 0 } got ? got : NotFound));
                    }
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var counts = BinaryCounts.Of(binary);
        var metrics = new List<MetricResult>
        {
            Figures.Proportion("symptoms.sensitivity", "symptoms", "6.1 a", "症状“有”的灵敏度 Sen", counts.TruePositive, counts.TruePositive + counts.FalseNegative,
                $"TP {counts.TruePositive}，FN {counts.FalseNegative}"),
            Figures.Proportion("symptoms.specificity", "symptoms", "6.1 b", "症状“有”的特异度 Spe", counts.TrueNegative, counts.TrueNegative + counts.FalsePositive,
                $"TN {counts.TrueNegative}，FP {counts.FalsePositive}"),
            Figures.Proportion("symptoms.accuracy", "symptoms", "6.1 c", "症状“有/无”准确率 Acc", counts.TruePositive + counts.TrueNegative, counts.Total),
            Figures.Bootstrapped("symptoms.status.macro-f1", "symptoms", "6.3 c", "症状状态（有/无/不确定）宏 F1", status, s => MacroScores.Of(s).F1),
            Figures.Bootstrapped("intents.macro-precision", "intents", "6.3 a", "意图宏精准率 Macro-P", intents, s => MacroScores.Of(s).Precision),
            Figures.Bootstrapped("intents.macro-recall", "intents", "6.3 b", "意图宏召回率 Macro-R", intents, s => MacroScores.Of(s).Recall),
            Figures.Bootstrapped("intents.macro-f1", "intents", "6.3 c", "意图宏 F1", intents, s => MacroScores.Of(s).F1),
            Figures.Proportion("intents.accuracy", "intents", "6.3", "意图准确率", intents.Count(i => i.Expected == i.Predicted), intents.Count),
            Figures.Proportion("coreference.pm", "coreference", "7.1.2.1", "指代消解准确率 P_M", references.Count(r => r), references.Count),
        };
        var worstClasses = MacroScores.Of(intents).PerClass.OrderBy(p => p.Value.Precision + p.Value.Recall).Take(3)
            .Select(p => $"{p.Key}（P {p.Value.Precision:P0}，R {p.Value.Recall:P0}）");
        var n = context.Options.Worst;
        return Task.FromResult(new SuiteOutput(
        [
            new SuiteResult
            {
                Key = "symptoms", Name = "症状状态", Clause = "6.1 / 6.3", Seconds = seconds,
                Notes = [$"{cases.Count} 句，{status.Count} 个症状标注；阳性 = 标注“有”(Present)，智能体判为“有”才算阳性（“无”“不确定”“未识别”都算阴性）。",
                         "三分类宏 F1 的类别为 有/无/不确定，“未识别”算作对真实类别的漏判（6.3，宏 F1 = 宏精准率与宏召回率的调和平均）。"],
                Worst = symptomErrors.Take(n).ToList(),
            },
            new SuiteResult
            {
                Key = "intents", Name = "意图识别", Clause = "6.3", Seconds = 0,
                Notes = [$"{intents.Count} 句，{intents.Select(i => i.Expected).Distinct().Count()} 种意图。", $"最弱的意图：{string.Join("，", worstClasses)}。"],
                Worst = intentErrors.Take(n).ToList(),
            },
            new SuiteResult
            {
                Key = "coreference", Name = "指代消解", Clause = "7.1.2.1", Seconds = 0,
                Notes = ["带“前文提到”(mentioned) 的句子：每个指回前文症状的说法算一次（症状与状态都对才算识别正确）；前文只有药名时，按所说的取值（如服药情况）计。"],
                Worst = referenceErrors.Take(n).ToList(),
            },
        ], metrics));
    }

    internal static IReadOnlyList<LabelledUtterance> Load(string folder) =>
        Directory.GetFiles(folder, "*.jsonl").Order(StringComparer.Ordinal).SelectMany(f =>
        {
            using var stream = File.OpenRead(f);
            return UtteranceDataset.Read(stream).ToList();
        }).ToList();
}
