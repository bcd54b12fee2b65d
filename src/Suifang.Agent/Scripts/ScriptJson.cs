using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Suifang.Agent.Scripts;

/// <summary>
/// Scripts as JSON (camelCase, enums by name, Chinese written as is): how templates ship, how the editor saves a script
/// and what a script version stores.
/// </summary>
public static class ScriptJson
{
    /// <summary>The serializer options scripts are read and written with.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Reads a script; throws <see cref="ScriptFormatException"/> (Chinese message) when the JSON is not a script.</summary>
    public static Script Load(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<Script>(json, Options)
                   ?? throw new ScriptFormatException("话术文件是空的（null），请提供一个话术对象。");
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"第{line + 1}行附近" : "文件中";
            throw new ScriptFormatException($"话术文件格式不对（{where}）：{Describe(e)}。请检查括号、引号、逗号和必填项（key、name、opening、identityCheck、closing）。", e);
        }
    }

    /// <summary>Reads a script from a file.</summary>
    public static Script LoadFile(string path) => Load(File.ReadAllText(path));

    /// <summary>Writes a script as indented JSON.</summary>
    public static string Save(Script script) => JsonSerializer.Serialize(script, Options);

    /// <summary>The script as JSON text (same as <see cref="Save"/>).</summary>
    public static string Serialize(Script script) => Save(script);

    /// <summary>
    /// The script in <paramref name="json"/>; throws <see cref="ScriptFormatException"/> when it is not one. Key and name
    /// may be left out (where scripts are stored, they are columns beside the JSON).
    /// </summary>
    public static Script Deserialize(string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new ScriptFormatException($"话术内容不是有效的格式（{(e.LineNumber is { } line ? $"第 {line + 1} 行附近" : "位置不明")}），请检查括号、引号和逗号。", e);
        }
        if (node is not JsonObject root)
            throw new ScriptFormatException("话术内容应是一个对象。");
        foreach (var name in new[] { "key", "name" })
            if (!root.Any(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)))
                root[name] = "";
        return Load(root.ToJsonString());
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
        catch (ScriptFormatException e)
        {
            error = e.Message + " 请在编辑器中修改后再保存。";
            return null;
        }
    }

    private static string Describe(JsonException e)
    {
        var at = e.Message.IndexOf("including:", StringComparison.Ordinal);
        return at >= 0 ? "缺少必填项 " + e.Message[(at + "including:".Length)..].Trim().TrimEnd('.') : "无法解析";
    }
}

/// <summary>A script's JSON could not be read; the message is Chinese and says what to fix.</summary>
public sealed class ScriptFormatException(string message, Exception? inner = null) : Exception(message, inner);
