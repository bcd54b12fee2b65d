using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Suifang.Agent.Scripts;

/// <summary>
/// The one JSON form of a <see cref="Script"/>: camelCase, enums by name, Chinese kept as written (not \u-escaped),
/// comments and trailing commas accepted. Templates, the database column and the editor all use it.
/// </summary>
public static class ScriptJson
{
    /// <summary>The serializer options of the script JSON form.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Scripts are stored and shown, never embedded in HTML unencoded: keep 您好 readable in the database and files.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The script as JSON text.</summary>
    public static string Serialize(Script script) => JsonSerializer.Serialize(script, Options);

    /// <summary>
    /// The script in <paramref name="json"/>; throws <see cref="JsonException"/> when it is not one. Key and name may be left
    /// out (where scripts are stored, they are columns beside the JSON).
    /// </summary>
    public static Script Deserialize(string json)
    {
        var node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (node is not JsonObject root)
            throw new JsonException("话术内容应是一个对象。");
        foreach (var name in new[] { "key", "name" })
            if (!root.Any(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)))
                root[name] = "";
        return root.Deserialize<Script>(Options) ?? throw new JsonException("话术内容是空的。");
    }

    /// <summary>The script, or null with a Chinese reason (for editors and imports).</summary>
    public static Script? TryDeserialize(string? json, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(json))
        {
            error = "话术内容是空的，请至少填写开场白、身份确认和结束语。";
            return null;
        }
        try
        {
            return Deserialize(json);
        }
        catch (JsonException e)
        {
            error = $"话术内容不是有效的格式（{(e.LineNumber is { } line ? $"第 {line + 1} 行附近" : "位置不明")}），" +
                "必填的开场白、身份确认、结束语和每个问题的编码、问法都要有。请在编辑器中修改后再保存。";
            return null;
        }
    }
}
