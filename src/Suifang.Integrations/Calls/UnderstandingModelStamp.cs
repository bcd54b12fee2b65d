using Suifang.Agent.Understanding.Chinese;

namespace Suifang.Integrations.Calls;

/// Names the models behind a call's record (7.2.5.2 traceability: "the model and rules that produced it"): the rule
/// lexicon ships with the code, the intent classifier is named by the shipped model's fingerprint (intent-model.sha256),
/// and a configured language model by its name and address — also when it did not decide a turn of this call, since it
/// may have shaped the agent's replies and the summary.
internal static class UnderstandingModelStamp
{
    public static string? Describe(IReadOnlyCollection<string> sources, string? languageModel = null)
    {
        var parts = new List<string>();
        foreach (var source in sources.Order())
            parts.Add(source switch
            {
                "ml" => "ml intent-model sha256:" + (ChineseUnderstander.ShippedFingerprint is { } f ? f[..Math.Min(16, f.Length)] : "trained-at-start"),
                "llm" when languageModel is not null => "llm " + languageModel,
                _ => source,
            });
        if (languageModel is not null && !sources.Contains("llm"))
            parts.Add("llm " + languageModel + " (configured)");
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }
}
