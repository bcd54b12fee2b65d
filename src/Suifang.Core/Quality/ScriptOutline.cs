using System.Text.Json;

namespace Suifang.Core.Quality;

/// What quality control reads of a script version (ScriptRecord.Json, the agent's Script as JSON): the identity check,
/// and the questions with their required flag and branches. Core does not reference the agent, so it reads the JSON.
public sealed record ScriptOutline(string Opening, string IdentityCheck, IReadOnlyList<OutlineQuestion> Questions)
{
    public static ScriptOutline Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var questions = new List<OutlineQuestion>();
        if (Prop(root, "questions") is { ValueKind: JsonValueKind.Array } list)
        {
            foreach (var q in list.EnumerateArray())
            {
                var branches = new List<OutlineBranch>();
                if (Prop(q, "branches") is { ValueKind: JsonValueKind.Array } bs)
                    branches.AddRange(bs.EnumerateArray().Select(b => new OutlineBranch(Text(b, "when") ?? "", Text(b, "goto"))));
                var required = Prop(q, "required") is not { ValueKind: JsonValueKind.False };
                questions.Add(new OutlineQuestion(Text(q, "key") ?? "", Text(q, "label") ?? Text(q, "text") ?? "", required, branches));
            }
        }
        return new ScriptOutline(Text(root, "opening") ?? "", Text(root, "identityCheck") ?? "", questions);
    }

    private static JsonElement? Prop(JsonElement e, string name)
    {
        foreach (var p in e.EnumerateObject())
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
                return p.Value;
        return null;
    }

    private static string? Text(JsonElement e, string name) => Prop(e, name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;
}

public sealed record OutlineQuestion(string Key, string Label, bool Required, IReadOnlyList<OutlineBranch> Branches);

/// "When" is "yes"/"no"/"uncertain", a choice, or a comparison such as "&gt;=38.5"; "Goto" a question key or "closing".
public sealed record OutlineBranch(string When, string? Goto);
