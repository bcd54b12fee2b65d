using System.Text.Json;
using Suifang.Agent.Knowledge;
using Suifang.Core.Knowledge.Presets;
using Xunit.Abstractions;

namespace Suifang.Core.Tests.Knowledge;

/// Retrieval quality over the shipped knowledge base (7.3.2.2): held-out patient wordings (data/kb/queries.jsonl, written
/// apart from the entries' own variants) must find their entry, and questions the base does not cover must find nothing.
public sealed class KnowledgeRetrievalTests(ITestOutputHelper output)
{
    private sealed record LabelledQuery(string Query, string? Department, string? Expected);

    [Fact]
    public void Held_out_questions_find_their_entry_and_uncovered_ones_find_nothing()
    {
        using var index = new KnowledgeIndex(KnowledgePresets.All.Select(p => new KnowledgeDocument(p.Key, p.Departments, p.Question, p.Variants, p.Answer)));
        var queries = Queries();
        var positives = queries.Where(q => q.Expected is not null).ToList();
        var negatives = queries.Where(q => q.Expected is null).ToList();

        var ranks = positives.Select(q => index.Search(q.Query, q.Department, 10).Select(c => c.Document.Id).ToList().IndexOf(q.Expected!) + 1).ToList();
        double recallAt1 = ranks.Count(r => r == 1) / (double)ranks.Count, recallAt3 = ranks.Count(r => r is >= 1 and <= 3) / (double)ranks.Count;
        var mrr = ranks.Sum(r => r == 0 ? 0 : 1.0 / r) / ranks.Count;
        var answered = positives.Count(q => index.Find(q.Query, q.Department)?.EntryId == q.Expected) / (double)positives.Count;
        var wronglyAnswered = negatives.Where(q => index.Find(q.Query, q.Department) is not null).ToList();

        output.WriteLine($"{positives.Count} questions: recall@1 {recallAt1:P1}, recall@3 {recallAt3:P1}, MRR {mrr:F3}, answered correctly {answered:P1}; " +
                         $"{negatives.Count} uncovered: {wronglyAnswered.Count} answered anyway");
        foreach (var (q, r) in positives.Zip(ranks).Where(p => p.Second != 1))
            output.WriteLine($"  rank {r}: {q.Query} → expected {q.Expected}, got {index.Search(q.Query, q.Department, 1).FirstOrDefault()?.Document.Id}");
        foreach (var q in negatives)
            output.WriteLine($"  uncovered: {q.Query} → coverage {index.Search(q.Query, q.Department, 1).FirstOrDefault()?.Coverage:F2}");
        foreach (var q in positives.Where(q => index.Find(q.Query, q.Department)?.EntryId != q.Expected))
            output.WriteLine($"  not answered: {q.Query} → {string.Join("/", index.Words(q.Query))}, coverage {index.Search(q.Query, q.Department, 1).FirstOrDefault()?.Coverage:F2}");

        Assert.True(recallAt1 >= 0.9, $"recall@1 {recallAt1:P1} < 90 %");
        Assert.True(recallAt3 >= 0.95, $"recall@3 {recallAt3:P1} < 95 %");
        Assert.True(answered >= 0.85, $"answered correctly {answered:P1} < 85 %");
        Assert.Empty(wronglyAnswered.Select(q => q.Query));
    }

    private static List<LabelledQuery> Queries()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Suifang.slnx")))
            dir = dir.Parent;
        var path = Path.Combine(dir!.FullName, "data", "kb", "queries.jsonl");
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        return File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(l => JsonSerializer.Deserialize<LabelledQuery>(l, options)!).ToList();
    }
}
