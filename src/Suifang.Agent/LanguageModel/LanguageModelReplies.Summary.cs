using System.Text.Json;

namespace Suifang.Agent.LanguageModel;

public static partial class LanguageModelReplies
{
    private static readonly string[] SummaryFields = ["summary", "concerns", "needsNurse"];

    /// <summary>Checks a summary reply; every concern must quote the <paramref name="transcript"/> word for word.</summary>
    public static CheckedReply<CallSummary> ReadSummary(string? json, string transcript)
    {
        try
        {
            using var doc = JsonDocument.Parse(StripFence(json));
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return CheckedReply<CallSummary>.Reject("回复不是 JSON 对象。");
            if (Unexpected(root, SummaryFields) is { } extra)
                return CheckedReply<CallSummary>.Reject($"回复含有约定之外的字段“{extra}”。");
            var summary = Text(root, "summary");
            if (string.IsNullOrWhiteSpace(summary) || summary.Length > 300)
                return CheckedReply<CallSummary>.Reject("summary 为空或超过 300 字。");
            if (!root.TryGetProperty("needsNurse", out var nurse) || nurse.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                return CheckedReply<CallSummary>.Reject("needsNurse 应为 true 或 false。");
            var concerns = new List<SummaryConcern>();
            foreach (var item in Items(root, "concerns"))
            {
                var text = Text(item, "text");
                var quote = Text(item, "quote");
                if (string.IsNullOrWhiteSpace(text) || text.Length > 80)
                    return CheckedReply<CallSummary>.Reject("有一条关注点为空或超过 80 字。");
                if (string.IsNullOrWhiteSpace(quote) || !transcript.Contains(quote, StringComparison.Ordinal))
                    return CheckedReply<CallSummary>.Reject($"关注点“{text}”引用的原话不在通话记录里，可能是编造的。");
                concerns.Add(new SummaryConcern(text, quote));
            }
            return new(new CallSummary(summary, concerns, nurse.GetBoolean()), null);
        }
        catch (JsonException)
        {
            return CheckedReply<CallSummary>.Reject("回复不是有效的 JSON。");
        }
        catch (InvalidOperationException)
        {
            return CheckedReply<CallSummary>.Reject("回复里有字段的类型不对。");
        }
    }

    /// <summary>Models often wrap JSON in a ```json fence; the content inside is what counts.</summary>
    private static string StripFence(string? json)
    {
        var s = (json ?? "").Trim();
        if (!s.StartsWith("```", StringComparison.Ordinal))
            return s;
        var start = s.IndexOf('\n');
        var end = s.LastIndexOf("```", StringComparison.Ordinal);
        return start >= 0 && end > start ? s[(start + 1)..end].Trim() : s;
    }

    private static string? Unexpected(JsonElement obj, string[] fields) =>
        obj.EnumerateObject().Select(p => p.Name).FirstOrDefault(n => !fields.Contains(n));

    private static IEnumerable<JsonElement> Items(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var array) || array.ValueKind == JsonValueKind.Null)
            return [];
        if (array.ValueKind != JsonValueKind.Array || array.GetArrayLength() > 10)
            throw new InvalidOperationException(name);
        return array.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Object ? e : throw new InvalidOperationException(name)).ToList();
    }

    private static string? Text(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    private static double? Number(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Number && double.IsFinite(p.GetDouble()) ? p.GetDouble() : null;

    private static bool TryEnum<T>(JsonElement obj, string name, out T value) where T : struct, Enum
    {
        value = default;
        return obj.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String
               && System.Enum.GetNames<T>().Contains(p.GetString()) && System.Enum.TryParse(p.GetString(), out value);
    }
}
