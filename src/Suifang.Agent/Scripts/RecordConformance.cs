using Suifang.Agent.Dialogue;

namespace Suifang.Agent.Scripts;

/// <summary>One answer of a follow-up record: the question key and the value as recorded ("38.5", "no", "150/95", a choice).</summary>
public sealed record RecordAnswer(string Key, string Value);

/// <summary>What kind of problem a record has (7.1.2.2: 术语错误、格式不符、缺失项、矛盾项).</summary>
public enum ConformanceType
{
    /// <summary>A colloquial or non-standard term where a standard one belongs (刀口红 → 伤口发红), in the note or a value.</summary>
    Term,
    /// <summary>A value that does not fit the question: not a number, out of range (体温 385), one blood-pressure number, an
    /// impossible date, not one of the choices.</summary>
    Format,
    /// <summary>A required question the script reaches (following its branches) without an answer.</summary>
    Missing,
    /// <summary>Two statements that cannot both hold (发热 "否" with 体温 39 ℃).</summary>
    Contradiction,
}

/// <summary>A problem found in a record. <paramref name="Key"/> is the question key, or "text" for the free-text note.</summary>
/// <param name="Message">Plain Chinese: what is wrong and what to fix.</param>
public sealed record ConformanceProblem(ConformanceType Type, string Key, string Message);

/// <summary>
/// Terminology and standard conformance check of a follow-up record against its script (7.1.2.2; measured as P_D by the
/// eval command over data/eval/conformance.jsonl): term errors (terms.jsonl synonyms that are not the standard term),
/// format (the question's answer type and range), missing (required questions the script reaches, following its branches
/// on the recorded answers) and contradictions (the rules of <see cref="Understanding.ContradictionDetector"/>: a symptom
/// answered "no" while a value or the note says it is there). At most one problem per type and key; problems come in the
/// order of the script. Stateless and thread-safe.
/// </summary>
public static class RecordConformance
{
    /// <summary>The key of problems found in the free-text note.</summary>
    public const string TextKey = "text";

    /// <summary>The problems of the record, none when it conforms.</summary>
    public static IReadOnlyList<ConformanceProblem> Check(Script script, IReadOnlyList<RecordAnswer> answers, string? text)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(answers);
        var given = answers.Where(a => !string.IsNullOrWhiteSpace(a.Value))
            .GroupBy(a => a.Key).ToDictionary(g => g.Key, g => g.First().Value.Trim());
        var problems = new List<ConformanceProblem>();
        var normalised = new Dictionary<string, string>();
        foreach (var q in script.Questions)
        {
            if (!given.TryGetValue(q.Key, out var value)) continue;
            var (norm, problem) = RecordFormats.Check(q, value);
            if (problem is not null) problems.Add(problem);
            if (norm is not null) normalised[q.Key] = norm;
        }
        if (PressuresReversed(script, normalised) is { } reversed) problems.Add(reversed);
        problems.AddRange(Missing(script, given, normalised));
        if (!string.IsNullOrWhiteSpace(text) && RecordTerms.Colloquial(text) is { Count: > 0 } found)
            problems.Add(new ConformanceProblem(ConformanceType.Term, TextKey, RecordTerms.Describe("备注", found)));
        problems.AddRange(RecordContradictions.Find(script, normalised, text));
        var order = script.Questions.Select((q, i) => (q.Key, i)).ToDictionary(x => x.Key, x => x.i);
        return problems
            .GroupBy(p => (p.Type, p.Key)).Select(g => g.First())
            .OrderBy(p => order.GetValueOrDefault(p.Key, int.MaxValue)).ThenBy(p => p.Type)
            .ToList();
    }

    // Systolic and diastolic asked as two numbers: the diastolic cannot be the higher one.
    private static ConformanceProblem? PressuresReversed(Script script, Dictionary<string, string> normalised)
    {
        if (!normalised.TryGetValue("blood_pressure_systolic", out var high) || !normalised.TryGetValue("blood_pressure_diastolic", out var low)
            || !double.TryParse(high, System.Globalization.CultureInfo.InvariantCulture, out var h) || !double.TryParse(low, System.Globalization.CultureInfo.InvariantCulture, out var l)
            || l < h) return null;
        var q = script.Questions.First(x => x.Key == "blood_pressure_diastolic");
        return new ConformanceProblem(ConformanceType.Format, q.Key, $"“{Name(q)}”填的 {low} 不低于收缩压 {high}，舒张压（低压）应比收缩压（高压）低，请核对是否写反。");
    }

    /// <summary>Short name of a question for messages: its label, else its text without the question mark.</summary>
    internal static string Name(ScriptQuestion q)
    {
        if (q.Label is { Length: > 0 } label) return label;
        // the question itself, its first sentence, and of a long one the last clause ("…，您现在的疼痛有几分")
        var text = q.Text.Split('？', '?')[0];
        var comma = text.LastIndexOf('，');
        return text.Length > 14 && comma > 0 && comma < text.Length - 4 ? text[(comma + 1)..] : text;
    }

    // Required questions the script reaches without an answer, following the branches the recorded answers take.
    private static IEnumerable<ConformanceProblem> Missing(Script script, Dictionary<string, string> given, Dictionary<string, string> normalised)
    {
        var index = script.Questions.Select((q, i) => (q.Key, i)).ToDictionary(x => x.Key, x => x.i);
        var seen = new HashSet<int>();
        for (var i = 0; i < script.Questions.Count && seen.Add(i);)
        {
            var q = script.Questions[i];
            if (!given.ContainsKey(q.Key))
            {
                if (q.Required) yield return new ConformanceProblem(ConformanceType.Missing, q.Key, $"必答题“{Name(q)}”没有填写，请补上患者的回答；确实没问到的，请写明原因。");
                i++;
                continue;
            }
            var branch = normalised.TryGetValue(q.Key, out var value) ? BranchMatcher.Match(q, value) : null;
            if (branch?.Goto is "closing") yield break;
            i = branch?.Goto is { Length: > 0 } target && index.TryGetValue(target, out var to) && to > i ? to : i + 1;
        }
    }
}
