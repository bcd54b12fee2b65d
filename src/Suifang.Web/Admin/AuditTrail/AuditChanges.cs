using System.Text.Encodings.Web;
using System.Text.Json;

namespace Suifang.Web.Admin.AuditTrail;

/// One line of an entry's Changes JSON as a person reads it: field, then the value or "old → new".
public sealed record AuditChangeLine(string Field, string Value);

internal static class AuditChanges
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// Lines for a JSON object of fields; null when the text is not such an object (show it as it is).
    public static IReadOnlyList<AuditChangeLine>? Lines(string? changes)
    {
        if (string.IsNullOrWhiteSpace(changes))
            return [];
        try
        {
            using var doc = JsonDocument.Parse(changes);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                return null;
            return doc.RootElement.EnumerateObject().Select(p => new AuditChangeLine(p.Name, Text(p.Value))).ToList();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string Pretty(string? changes)
    {
        if (string.IsNullOrWhiteSpace(changes))
            return "";
        try
        {
            using var doc = JsonDocument.Parse(changes);
            return JsonSerializer.Serialize(doc.RootElement, Indented);
        }
        catch (JsonException)
        {
            return changes;
        }
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => "（空）",
        JsonValueKind.String => value.GetString() is { Length: > 0 } s ? s : "（空）",
        JsonValueKind.Array => string.Join("；", value.EnumerateArray().Select(Text)),
        JsonValueKind.Object when value.TryGetProperty("原值", out var before) && value.TryGetProperty("新值", out var after) =>
            $"{Text(before)} → {Text(after)}",
        JsonValueKind.Object => string.Join("；", value.EnumerateObject().Select(p => $"{p.Name}：{Text(p.Value)}")),
        _ => value.GetRawText(),
    };
}
