using System.Security.Cryptography;
using System.Text;
using Suifang.Core.Pathways;

namespace Suifang.Core.Calls.Triggers;

/// A short fingerprint of the trigger rules a call's answers were evaluated with (7.2.5.2 traceability): the same
/// rules give the same version on every node, and any change of a rule gives a new one.
public static class TriggerRulesVersion
{
    public static string? Of(IReadOnlyList<TriggerRule> rules)
    {
        if (rules.Count == 0)
            return null;
        var text = string.Join('\n', rules.Select(r => $"{r.QuestionKey}\t{r.Operator}\t{r.Value}\t{r.Severity}"));
        return "sha256:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16].ToLowerInvariant();
    }
}
