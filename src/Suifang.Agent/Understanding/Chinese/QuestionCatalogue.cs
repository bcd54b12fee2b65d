using System.Text.Json;
using Suifang.Agent.Scripts;

namespace Suifang.Agent.Understanding.Chinese;

/// <summary>
/// The shared question keys (Core's Pathways/Presets/question-vocabulary.json, linked into this assembly as a file so the
/// Agent depends on nothing of ours) as <see cref="ScriptQuestion"/>s: what a labelled utterance's "question" means.
/// </summary>
public static class QuestionCatalogue
{
    private static readonly Lazy<IReadOnlyDictionary<string, ScriptQuestion>> Questions = new(Load);

    /// <summary>The question of <paramref name="key"/> ("identity" is the identity check), or null when unknown.</summary>
    public static ScriptQuestion? Get(string? key) => key is null ? null : Questions.Value.GetValueOrDefault(key);

    /// <summary>The context a labelled utterance was said in.</summary>
    public static UnderstandingContext ContextOf(LabelledUtterance u) =>
        new(Get(u.Question) ?? (u.Question is null ? null : new ScriptQuestion { Key = u.Question, Text = u.Question }),
            u.Now ?? new DateTime(2026, 11, 29, 10, 0, 0), u.Mentioned ?? []);

    private static IReadOnlyDictionary<string, ScriptQuestion> Load()
    {
        using var stream = TermLexicon.OpenEmbedded("nlu/question-vocabulary.json");
        using var doc = JsonDocument.Parse(stream);
        var result = new Dictionary<string, ScriptQuestion>
        {
            ["identity"] = new() { Key = "identity", Text = "请问您是患者本人或者家属吗？", Type = AnswerType.YesNo },
        };
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            string? Read(string name) => p.Value.TryGetProperty(name, out var v) ? v.GetString() : null;
            result[p.Name] = new ScriptQuestion
            {
                Key = p.Name,
                Text = Read("text") ?? p.Name,
                Type = Enum.TryParse<AnswerType>(Read("kind"), out var type) ? type : AnswerType.Text,
                Unit = Read("unit"),
                Choices = Read("choices")?.Split(';') ?? [],
            };
        }
        return result;
    }
}
