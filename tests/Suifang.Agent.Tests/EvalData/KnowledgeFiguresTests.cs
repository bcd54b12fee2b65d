using System.Text.Json;
using Suifang.Agent.Knowledge;
using Xunit.Abstractions;

namespace Suifang.Agent.Tests.EvalData;

/// Knowledge reasoning over data/eval/reasoning.jsonl (7.1.2.3): the agent's answer is the top hit above the index's own
/// threshold (KnowledgeIndex.Find); P = correct / answered, R = correct / answerable. The documents are the shipped
/// presets (src/Suifang.Core/Knowledge/Presets/knowledge-presets.json, read as JSON: the agent does not reference Core).
public sealed class KnowledgeFiguresTests(ITestOutputHelper output)
{
    internal static List<KnowledgeDocument> Presets()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(EvalFiles.PathOf(Path.Combine("src", "Suifang.Core", "Knowledge", "Presets", "knowledge-presets.json"))));
        return doc.RootElement.EnumerateArray().Select(e => new KnowledgeDocument(e.Str("key"), e.Strs("departments"), e.Str("question"), e.Strs("variants"), e.Str("answer"))).ToList();
    }

    [Fact]
    public void The_agent_rarely_answers_with_the_wrong_document_and_the_figures_are_printed()
    {
        using var index = new KnowledgeIndex(Presets());
        var declinedWrongly = new List<string>();
        int allAnswered = 0, allCorrect = 0;
        foreach (var split in new[] { "train", "test" })
        {
            var rows = EvalFiles.Lines("data/eval/reasoning.jsonl").Select(x => x.Row).Where(r => r.Split() == split).ToList();
            int answered = 0, correct = 0, answerable = rows.Count(r => r.StrOrNull("expected") is not null);
            foreach (var r in rows)
            {
                var hit = index.Find(r.Str("question"), r.StrOrNull("department"));
                if (hit is not null) answered++;
                if (hit is not null && hit.EntryId == r.StrOrNull("expected")) correct++;
                if (hit?.EntryId != r.StrOrNull("expected"))
                    output.WriteLine($"  {r.Str("id")} {r.Str("question")} → expected {r.StrOrNull("expected") ?? "none"}, got {hit?.EntryId ?? "none"} ({hit?.Score:F2})");
                if (r.StrOrNull("expected") is null && hit is not null) declinedWrongly.Add($"{r.Str("id")} {r.Str("question")} → {hit.EntryId}");
            }
            allAnswered += answered;
            allCorrect += correct;
            double p = answered == 0 ? 0 : correct / (double)answered, rec = correct / (double)answerable;
            output.WriteLine($"{split}: n={rows.Count} answered={answered} correct={correct} answerable={answerable} P {p:P1} R {rec:P1} F1 {(p + rec > 0 ? 2 * p * rec / (p + rec) : 0):P1}");
        }
        output.WriteLine($"answered although no document answers: {declinedWrongly.Count}");
        foreach (var d in declinedWrongly) output.WriteLine("  " + d);
        // The agent must not make an answer up (KnowledgeSearch): what it answers is nearly always the right document.
        Assert.True(allCorrect >= 0.9 * allAnswered, $"only {allCorrect} of {allAnswered} knowledge answers were the right document");
    }
}
