using System.Text.Json;
using System.Text.Json.Serialization;
using Suifang.Core.Pathways;
using Suifang.Core.Pathways.Presets;

namespace Suifang.Core.ManualFollowUp.Templates;

/// A shipped form as written in Templates/*.json: questions are a key of the shared vocabulary, the key with the fields
/// to change, or a full question of the form's own.
public sealed class ManualTemplateDefinition
{
    public required string Key { get; init; }
    public required string Name { get; init; }

    /// Department codes, names or aliases, best first; empty = every department (DepartmentId null).
    public List<string> Departments { get; init; } = [];
    public string? Description { get; init; }
    public List<JsonElement> Questions { get; init; } = [];
    public List<PresetTrigger> Triggers { get; init; } = [];
}

/// The manual follow-up forms shipped inside Suifang.Core (psychiatry, veteran cadre ward, general discharge).
public static class ManualTemplates
{
    private const string Prefix = "manual-forms/";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly Lazy<IReadOnlyList<ManualTemplateDefinition>> LazyAll = new(() =>
        typeof(ManualTemplates).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Select(Read).ToList());

    public static IReadOnlyList<ManualTemplateDefinition> All => LazyAll.Value;

    public static List<NodeQuestion> QuestionsOf(ManualTemplateDefinition d) => d.Questions.Select(Question).ToList();

    public static List<TriggerRule> TriggersOf(ManualTemplateDefinition d) => d.Triggers.Select(t => new TriggerRule
    {
        QuestionKey = t.Question, Operator = t.Operator, Value = t.Value, Severity = t.Severity, Description = t.Description,
    }).ToList();

    private static NodeQuestion Question(JsonElement item)
    {
        if (item.ValueKind == JsonValueKind.String)
            return FromVocabulary(item.GetString()!, null);
        var own = item.Deserialize<OwnQuestion>(Json)!;
        if (PathwayPresets.Vocabulary.ContainsKey(own.Key))
            return FromVocabulary(own.Key, own);
        return new NodeQuestion
        {
            Key = own.Key, Text = own.Text ?? throw new InvalidOperationException($"人工随访模板的问题“{own.Key}”没有题目文字。"),
            Kind = own.Kind ?? AnswerKind.YesNo, Unit = own.Unit, Choices = own.Choices, Required = own.Required ?? true,
        };
    }

    private static NodeQuestion FromVocabulary(string key, OwnQuestion? own)
    {
        var q = PathwayPresets.Vocabulary.TryGetValue(key, out var shared) ? shared
            : throw new InvalidOperationException($"人工随访模板引用了词表中没有的问题编码“{key}”。");
        return new NodeQuestion
        {
            Key = key, Text = own?.Text ?? q.Text!, Kind = q.Kind, Unit = q.Unit, Choices = own?.Choices ?? q.Choices,
            Required = own?.Required ?? q.Required,
        };
    }

    private static ManualTemplateDefinition Read(string resource)
    {
        using var stream = typeof(ManualTemplates).Assembly.GetManifestResourceStream(resource)!;
        return JsonSerializer.Deserialize<ManualTemplateDefinition>(stream, Json)
            ?? throw new InvalidOperationException($"人工随访模板文件 {resource} 是空的。");
    }

    private sealed class OwnQuestion
    {
        public required string Key { get; init; }
        public string? Text { get; init; }
        public AnswerKind? Kind { get; init; }
        public string? Unit { get; init; }
        public string? Choices { get; init; }
        public bool? Required { get; init; }
    }
}
