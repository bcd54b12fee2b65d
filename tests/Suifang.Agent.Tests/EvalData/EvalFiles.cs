using System.Text.Json;

namespace Suifang.Agent.Tests.EvalData;

/// <summary>The labelled sets of data/eval/ (issue #7, formats in data/eval/README.md), read as JSON lines.</summary>
internal static class EvalFiles
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Suifang.slnx"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Suifang.slnx not found above the test binaries.");
        }
    }

    public static string PathOf(string relative) => System.IO.Path.Combine(Root, relative);

    /// <summary>Every non-empty line of a JSONL file with its line number; a line that does not parse throws with its number.</summary>
    public static List<(int Line, JsonElement Row)> Lines(string relative)
    {
        var rows = new List<(int, JsonElement)>();
        var n = 0;
        foreach (var text in File.ReadLines(PathOf(relative)))
        {
            n++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            try
            {
                using var doc = JsonDocument.Parse(text);
                rows.Add((n, doc.RootElement.Clone()));
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{relative}:{n} is not JSON: {e.Message}");
            }
        }
        return rows;
    }

    public static string Str(this JsonElement row, string name) =>
        row.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    public static string? StrOrNull(this JsonElement row, string name) =>
        row.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static List<string> Strs(this JsonElement row, string name) =>
        row.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().Select(x => x.GetString() ?? "").ToList() : [];

    public static string Split(this JsonElement row) => row.StrOrNull("split") ?? "train";
}
