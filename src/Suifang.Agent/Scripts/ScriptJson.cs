using System.Text.Encodings.Web;
using System.Text.Json;
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

    private static string Describe(JsonException e)
    {
        var at = e.Message.IndexOf("including:", StringComparison.Ordinal);
        return at >= 0 ? "缺少必填项 " + e.Message[(at + "including:".Length)..].Trim().TrimEnd('.') : "无法解析";
    }
}

/// <summary>A script's JSON could not be read; the message is Chinese and says what to fix.</summary>
public sealed class ScriptFormatException(string message, Exception? inner = null) : Exception(message, inner);
