using Suifang.Agent.Understanding.Triage;
using Xunit.Abstractions;

namespace Suifang.Agent.Tests.EvalData;

/// Department triage over data/eval/triage.jsonl (issue #7; 6.3 macro P/R/F1). The eval command (tools/Suifang.Eval)
/// measures it formally; this prints the figures per split and holds the train split to a floor.
public sealed class TriageFiguresTests(ITestOutputHelper output)
{
    internal sealed record Figures(int Count, double Top1, double Top3, double MacroP, double MacroR, double MacroF1);

    internal static Figures Measure(IReadOnlyList<(string Complaint, string Expected, List<string> Alternatives)> rows, Action<string>? wrong = null)
    {
        var predicted = new List<(string Expected, string Got)>();
        int top1 = 0, top3 = 0;
        foreach (var (complaint, expected, alternatives) in rows)
        {
            var ranked = DepartmentTriage.Shared.Rank(complaint).Select(c => c.Department).ToList();
            var got = ranked.FirstOrDefault() ?? "";
            if (got == expected) top1++;
            else wrong?.Invoke($"  {complaint} → expected {expected}, got {string.Join(" > ", ranked.Take(3))}");
            if (ranked.Take(3).Any(d => d == expected || alternatives.Contains(d))) top3++;
            predicted.Add((expected, got));
        }
        // 6.3: per class over the K classes that occur in the reference labels.
        var classes = predicted.Select(p => p.Expected).Distinct().ToList();
        var precision = classes.Select(c => predicted.Count(p => p.Got == c) is var n and > 0 ? predicted.Count(p => p.Got == c && p.Expected == c) / (double)n : 0).Average();
        var recall = classes.Select(c => predicted.Count(p => p.Got == c && p.Expected == c) / (double)predicted.Count(p => p.Expected == c)).Average();
        var f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
        return new Figures(rows.Count, top1 / (double)rows.Count, top3 / (double)rows.Count, precision, recall, f1);
    }

    private static List<(string, string, List<string>)> Rows(string split) =>
        EvalFiles.Lines("data/eval/triage.jsonl").Select(x => x.Row).Where(r => r.Split() == split)
            .Select(r => (r.Str("complaint"), r.Str("expected"), r.Strs("alternatives"))).ToList();

    [Fact]
    public void Triage_ranks_the_labelled_department_first_on_most_train_complaints_and_prints_the_test_figures()
    {
        foreach (var split in new[] { "train", "test" })
        {
            var f = Measure(Rows(split), output.WriteLine);
            output.WriteLine($"{split}: n={f.Count} top-1 {f.Top1:P1} top-3 {f.Top3:P1} macro-P {f.MacroP:P1} macro-R {f.MacroR:P1} macro-F1 {f.MacroF1:P1}");
            if (split == "train") Assert.True(f.Top1 >= 0.85, $"train top-1 {f.Top1:P1} < 85 %");
        }
    }
}
