using System.Text.Json;
using System.Text.Json.Serialization;
using Suifang.Core.Pathways.Editing;

namespace Suifang.Core.Pathways.Presets;

/// The preset pathways shipped inside Suifang.Core (one embedded JSON file per pathway) and the shared question vocabulary.
public static class PathwayPresets
{
    private const string Prefix = "pathway-presets/";
    private const string VocabularyFile = "question-vocabulary.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly Lazy<IReadOnlyDictionary<string, QuestionInput>> LazyVocabulary = new(() =>
        Read<Dictionary<string, QuestionInput>>(VocabularyFile)
            .ToDictionary(kv => kv.Key, kv => { kv.Value.Key = kv.Key; return kv.Value; }, StringComparer.Ordinal));

    private static readonly Lazy<IReadOnlyList<PresetDefinition>> LazyAll = new(() =>
        typeof(PathwayPresets).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && !n.EndsWith(VocabularyFile, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => Read<PresetDefinition>(n[Prefix.Length..]))
            .ToList());

    /// Shared question keys: the same meaning has the same key, kind and unit in every pathway (see question-keys.md).
    public static IReadOnlyDictionary<string, QuestionInput> Vocabulary => LazyVocabulary.Value;

    public static IReadOnlyList<PresetDefinition> All => LazyAll.Value;

    /// The preset as an editor input: vocabulary questions filled in, default channels applied.
    public static PathwayInput ToInput(PresetDefinition preset, int departmentId) => new()
    {
        Name = preset.Name,
        DepartmentId = departmentId,
        DiseaseCodes = preset.DiseaseCodes,
        DiseaseNames = preset.DiseaseNames,
        Description = preset.Description,
        Nodes = preset.Nodes.Select(n => new NodeInput
        {
            Title = n.Title,
            Anchor = n.Anchor,
            Offset = n.Offset,
            OffsetUnit = n.Unit,
            WindowDays = n.WindowDays,
            ScriptKey = n.ScriptKey,
            Questions = n.Questions.Select(Question).ToList(),
            Triggers = n.Triggers.Select(t => new TriggerInput
            {
                QuestionKey = t.Question, Operator = t.Operator, Value = t.Value, Severity = t.Severity, Description = t.Description,
            }).ToList(),
            Channels = (n.Channels ?? preset.Channels).Select(c => new ChannelInput
            {
                Kind = c.Kind, Redials = c.Redials, RedialIntervalMinutes = c.RedialIntervalMinutes, FallbackAfterHours = c.FallbackAfterHours,
                QuestionnaireKey = c.QuestionnaireKey,
            }).ToList(),
        }).ToList(),
    };

    /// "temperature" → the vocabulary's question; {"key": "pain_score", "text": "..."} → the vocabulary's with the text replaced;
    /// a key the vocabulary lacks must be a full question.
    private static QuestionInput Question(JsonElement item)
    {
        if (item.ValueKind == JsonValueKind.String)
            return Copy(Known(item.GetString()!));
        var own = item.Deserialize<QuestionInput>(Json)!;
        if (own.Key is null || !Vocabulary.TryGetValue(own.Key, out var shared))
            return own;
        var merged = Copy(shared);
        merged.Text = own.Text ?? shared.Text;
        if (own.Choices is not null)
            merged.Choices = own.Choices;
        return merged;
    }

    private static QuestionInput Known(string key) => Vocabulary.TryGetValue(key, out var q)
        ? q : throw new InvalidOperationException($"预设路径引用了词表中没有的问题编码“{key}”，请在 question-vocabulary.json 中补充。");

    private static QuestionInput Copy(QuestionInput q) =>
        new() { Key = q.Key, Text = q.Text, Kind = q.Kind, Unit = q.Unit, Choices = q.Choices, Required = q.Required };

    private static T Read<T>(string file)
    {
        using var stream = typeof(PathwayPresets).Assembly.GetManifestResourceStream(Prefix + file)
            ?? throw new InvalidOperationException($"找不到预设路径文件 {file}。");
        return JsonSerializer.Deserialize<T>(stream, Json) ?? throw new InvalidOperationException($"预设路径文件 {file} 是空的。");
    }
}
