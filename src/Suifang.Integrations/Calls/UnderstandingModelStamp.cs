using Suifang.Agent.Understanding.Chinese;

namespace Suifang.Integrations.Calls;

/// Names the understanding model behind a call's answers (7.2.5.2 traceability): the rule lexicon ships with the code,
/// the intent classifier is named by the shipped model's fingerprint (intent-model.sha256), an LLM by its source name.
internal static class UnderstandingModelStamp
{
    public static string? Describe(IReadOnlyCollection<string> sources)
    {
        if (sources.Count == 0)
            return null;
        var parts = new List<string>();
        foreach (var source in sources.Order())
            parts.Add(source == "ml" ? "ml intent-model sha256:" + (ChineseUnderstander.ShippedFingerprint is { } f ? f[..Math.Min(16, f.Length)] : "trained-at-start") : source);
        return string.Join("; ", parts);
    }
}
