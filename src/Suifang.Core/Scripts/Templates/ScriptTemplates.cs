using System.Text.Json;

namespace Suifang.Core.Scripts.Templates;

/// One shipped template: the columns read from its JSON and the JSON itself (the agent's Script shape).
public sealed record ScriptTemplate(string Key, string Name, string Department, ScriptRecordPurpose Purpose, string Json);

/// The script templates shipped inside Suifang.Core (Scripts/Templates/*.json): a discharge or outpatient script for each
/// preset pathway (same question keys), outpatient scripts for departments, satisfaction surveys.
public static class ScriptTemplates
{
    private const string Prefix = "script-templates/";

    private static readonly Lazy<IReadOnlyList<ScriptTemplate>> LazyAll = new(() =>
        typeof(ScriptTemplates).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(Read)
            .ToList());

    public static IReadOnlyList<ScriptTemplate> All => LazyAll.Value;

    private static ScriptTemplate Read(string resource)
    {
        using var stream = typeof(ScriptTemplates).Assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        var json = reader.ReadToEnd();
        using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var root = doc.RootElement;
        string Text(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()! : throw new InvalidOperationException($"话术模板 {resource} 缺少“{name}”。");
        var purpose = Enum.Parse<ScriptRecordPurpose>(Text("purpose"), ignoreCase: true);
        return new ScriptTemplate(Text("key"), Text("name"), Text("department"), purpose, json);
    }
}
