using Suifang.Agent.Scripts;
using Xunit.Abstractions;

namespace Suifang.Agent.Tests.EvalData;

/// The record conformance checker over data/eval/conformance.jsonl (7.1.2.2 P_D = rounds where exactly the expected
/// problems (type + key) are found / all rounds). tools/Suifang.Eval measures it formally; this prints it per split.
public sealed class ConformanceFiguresTests(ITestOutputHelper output)
{
    private static readonly string Templates = Path.Combine("src", "Suifang.Core", "Scripts", "Templates");

    [Fact]
    public void The_checker_finds_exactly_the_labelled_problems_in_most_train_records_and_prints_P_D()
    {
        var scripts = new Dictionary<string, Script>();
        foreach (var split in new[] { "train", "test" })
        {
            var rows = EvalFiles.Lines("data/eval/conformance.jsonl").Select(x => x.Row).Where(r => r.Split() == split).ToList();
            var correct = 0;
            foreach (var row in rows)
            {
                var file = row.Str("script");
                if (!scripts.TryGetValue(file, out var script)) scripts[file] = script = ScriptJson.LoadFile(EvalFiles.PathOf(Path.Combine(Templates, file)));
                var answers = row.GetProperty("answers").EnumerateArray().Select(a => new RecordAnswer(a.Str("key"), a.Str("value"))).ToList();
                var expected = row.GetProperty("expected").EnumerateArray().Select(e => $"{e.Str("type")}:{e.Str("key")}".ToLowerInvariant()).Order().ToList();
                var problems = RecordConformance.Check(script, answers, row.StrOrNull("text"));
                var found = problems.Select(p => $"{p.Type}:{p.Key}".ToLowerInvariant()).Distinct().Order().ToList();
                if (found.SequenceEqual(expected)) correct++;
                else output.WriteLine($"  {row.Str("id")} expected [{string.Join(", ", expected)}] found [{string.Join(", ", found)}] {string.Join(" | ", problems.Select(p => p.Message))}");
            }
            var pd = correct / (double)rows.Count;
            output.WriteLine($"{split}: D={rows.Count} D1={correct} P_D {pd:P1}");
            if (split == "train") Assert.True(pd >= 0.85, $"train P_D {pd:P1} < 85 %");
        }
    }
}
