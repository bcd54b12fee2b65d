using System.Text.Json;
using System.Text.Json.Serialization;

namespace Suifang.Agent.Understanding.Chinese;

/// <summary>One labelled utterance of data/nlu/utterances/*.jsonl (format: NLU-DATA-FORMAT, documented in docs/).</summary>
public sealed record LabelledUtterance
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("text")] public required string Text { get; init; }
    [JsonPropertyName("question")] public string? Question { get; init; }
    [JsonPropertyName("mentioned")] public IReadOnlyList<string>? Mentioned { get; init; }
    [JsonPropertyName("intent")] public required string Intent { get; init; }
    [JsonPropertyName("symptoms")] public IReadOnlyList<LabelledSymptom>? Symptoms { get; init; }
    [JsonPropertyName("values")] public IReadOnlyList<LabelledValue>? Values { get; init; }
    [JsonPropertyName("now")] public DateTime? Now { get; init; }
    [JsonPropertyName("callBackAt")] public DateTime? CallBackAt { get; init; }
    [JsonPropertyName("split")] public string Split { get; init; } = "train";
    [JsonPropertyName("tags")] public IReadOnlyList<string>? Tags { get; init; }

    public bool IsTest => Split == "test";
}

public sealed record LabelledSymptom([property: JsonPropertyName("term")] string Term, [property: JsonPropertyName("status")] string Status);

public sealed record LabelledValue
{
    [JsonPropertyName("type")] public required string Type { get; init; }
    [JsonPropertyName("number")] public double? Number { get; init; }
    [JsonPropertyName("number2")] public double? Number2 { get; init; }
    [JsonPropertyName("unit")] public string? Unit { get; init; }
    [JsonPropertyName("date")] public string? Date { get; init; }
    [JsonPropertyName("choice")] public string? Choice { get; init; }
}

/// <summary>The labelled utterances shipped in the Agent assembly (data/nlu/utterances/*.jsonl).</summary>
public static class UtteranceDataset
{
    private static readonly Lazy<IReadOnlyList<LabelledUtterance>> Embedded = new(() =>
        TermLexicon.EmbeddedNames("nlu/utterances/").SelectMany(n => Read(TermLexicon.OpenEmbedded(n))).ToList());

    /// <summary>Every embedded utterance, files in name order.</summary>
    public static IReadOnlyList<LabelledUtterance> All => Embedded.Value;

    /// <summary>Reads JSON lines.</summary>
    public static IEnumerable<LabelledUtterance> Read(Stream jsonLines)
    {
        using var reader = new StreamReader(jsonLines);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            LabelledUtterance? row;
            try { row = JsonSerializer.Deserialize<LabelledUtterance>(line, JsonOptions.Default); }
            catch (JsonException e) { throw new InvalidDataException($"Line {number} is not a labelled utterance: {e.Message}", e); }
            if (row is not null) yield return row;
        }
    }
}
