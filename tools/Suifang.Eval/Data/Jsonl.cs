using System.Text.Json;

namespace Suifang.Eval.Data;

/// Reads the labelled JSONL sets (data/eval/README.md: UTF-8, one object per line).
internal static class Jsonl
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<T> Read<T>(string path)
    {
        var rows = new List<T>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                rows.Add(JsonSerializer.Deserialize<T>(line, Options) ?? throw new JsonException("空行"));
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{path} 第 {number} 行格式不对（{e.Message}），请按 data/eval/README.md 的字段修改。", e);
            }
        }
        return rows;
    }
}

/// Fields every labelled line may carry. A line without "split" counts as test data.
internal abstract record LabelledLine
{
    public string Id { get; init; } = "";
    public string? Split { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }
}

internal sealed record TriageLine : LabelledLine
{
    public string Complaint { get; init; } = "";
    public string Expected { get; init; } = "";
    public IReadOnlyList<string>? Alternatives { get; init; }
}

internal sealed record SummaryLine : LabelledLine
{
    public string Script { get; init; } = "";
    public string Patient { get; init; } = "患者";
    public DateTime Now { get; init; } = new(2026, 11, 29, 10, 0, 0);
    public IReadOnlyList<string> Turns { get; init; } = [];
    public string Reference { get; init; } = "";
    public IReadOnlyList<string> Keywords { get; init; } = [];
}

internal sealed record ConformanceLine : LabelledLine
{
    public sealed record Answer(string Key, string Value);
    public sealed record Problem(string Type, string Key);
    public string Script { get; init; } = "";
    public IReadOnlyList<Answer> Answers { get; init; } = [];
    public string? Text { get; init; }
    public IReadOnlyList<Problem> Expected { get; init; } = [];
}

internal sealed record ReasoningLine : LabelledLine
{
    public string Question { get; init; } = "";
    public string? Department { get; init; }
    public string? Expected { get; init; }
}

internal sealed record SpeechLine : LabelledLine
{
    public string Text { get; init; } = "";
}

internal sealed record PlanLine : LabelledLine
{
    public sealed record Step(string? Node, bool Needed, bool Correct);
    public IReadOnlyList<Step> Steps { get; init; } = [];
}

/// data/kb/queries.jsonl (no id: the line number names it).
internal sealed record KbQueryLine : LabelledLine
{
    public string Query { get; init; } = "";
    public string? Department { get; init; }
    public string? Expected { get; init; }
}
