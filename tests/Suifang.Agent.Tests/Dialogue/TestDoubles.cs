using System.Text.Json;
using System.Text.Json.Serialization;
using Suifang.Agent.Knowledge;
using Suifang.Agent.Understanding;

namespace Suifang.Agent.Tests.Dialogue;

/// <summary>Understanding from a table (utterance → understanding), standing in for the nlu helper's understander.</summary>
internal sealed class TableUnderstander : IUnderstander
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly Dictionary<string, UtteranceUnderstanding> table = new(StringComparer.Ordinal);

    public List<UnderstandingContext> Contexts { get; } = [];

    public TableUnderstander(IEnumerable<UtteranceUnderstanding> entries)
    {
        foreach (var e in entries)
            table[e.Text] = e.Confidence == 0 && e.Intent != Intent.Unknown ? e with { Confidence = 0.9 } : e;
    }

    public static TableUnderstander FromFile(string path, IEnumerable<UtteranceUnderstanding>? more = null) =>
        new(JsonSerializer.Deserialize<List<UtteranceUnderstanding>>(File.ReadAllText(path), Json)!.Concat(more ?? []));

    public UtteranceUnderstanding Understand(string text, UnderstandingContext context)
    {
        Contexts.Add(context);
        return table.TryGetValue(text, out var u)
            ? u
            : throw new InvalidOperationException($"The test understanding table has no entry for \"{text}\".");
    }
}

/// <summary>A knowledge base from a table of exact questions; null for anything else.</summary>
internal sealed class TableKnowledge(IReadOnlyDictionary<string, string> answers) : IKnowledgeSearch
{
    public static readonly TableKnowledge Empty = new(new Dictionary<string, string>());

    public KnowledgeHit? Find(string question, string? department) =>
        answers.TryGetValue(question, out var a) ? new KnowledgeHit("kb-" + question.Length, question, a, 0.9) : null;
}
