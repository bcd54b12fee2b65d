namespace Suifang.Agent.Understanding;

/// <summary>Two statements of one call that do not fit together, and the question that clears it up (7.3.1.2 c).</summary>
/// <param name="Term">The standard term concerned, e.g. "发热".</param>
/// <param name="Earlier">The earlier utterance ("没发烧").</param>
/// <param name="Later">The later utterance ("昨天烧到39度").</param>
/// <param name="Clarify">A plain, polite question for the patient.</param>
public sealed record Contradiction(string Term, string Earlier, string Later, string Clarify)
{
    /// <summary>Position in the call's list of the earlier understanding that this one contradicts.</summary>
    public int EarlierIndex { get; init; } = -1;

    /// <summary>What the later utterance says: true = the symptom is there (the earlier one said it was not).</summary>
    public bool NowPresent { get; init; }

    /// <summary>The words of the later utterance behind it ("烧到39度"): the symptom's surface, or the value's.</summary>
    public string LaterSaid { get; init; } = "";
}

/// <summary>
/// Spots contradictions inside one call (7.3.1.2 c): a symptom said absent and later present (or the reverse), or a value
/// that implies a symptom said absent (没发烧 … 烧到39度; 血压不高 … 一百六九十五). Stateless and thread-safe: the dialogue
/// passes the call's understandings so far, oldest first, and asks to clarify what comes back.
/// </summary>
public static class ContradictionDetector
{
    /// <summary>Values that imply a symptom: temperature ≥ 37.3 ℃ → 发热, blood pressure ≥ 140/90 → 高血压, fasting
    /// glucose ≥ 7.0 mmol/L → 高血糖, ≤ 3.9 → 低血糖.</summary>
    public static IEnumerable<string> ImpliedTerms(ExtractedValue value)
    {
        if (value.Unit == "℃" && value.Number >= 37.3) yield return "发热";
        if (value.Unit == "mmHg" && (value.Number >= 140 || value.Number2 >= 90)) yield return "高血压";
        if (value.Unit == "mmol/L" && value.Number >= 7.0) yield return "高血糖";
        if (value.Unit == "mmol/L" && value.Number is > 0 and <= 3.9) yield return "低血糖";
    }

    /// <summary>The contradictions the LAST understanding makes with the earlier ones (none when it fits).</summary>
    public static IReadOnlyList<Contradiction> Check(IReadOnlyList<UtteranceUnderstanding> call)
    {
        if (call.Count < 2) return [];
        var latest = call[^1];
        var found = new List<Contradiction>();
        foreach (var (term, present, said) in Statements(latest))
        {
            for (var i = call.Count - 2; i >= 0; i--)
            {
                var earlier = Statements(call[i]).Where(s => s.Term == term).Select(s => (bool?)s.Present).LastOrDefault();
                if (earlier is null) continue;
                if (earlier != present)
                    found.Add(new Contradiction(term, call[i].Text, latest.Text, Clarify(term)) { EarlierIndex = i, NowPresent = present, LaterSaid = said });
                break; // only the most recent earlier statement about the term counts
            }
        }
        return found.DistinctBy(c => c.Term).ToList();
    }

    // Present/absent statements of an understanding; uncertain ones state nothing.
    private static IEnumerable<(string Term, bool Present, string Said)> Statements(UtteranceUnderstanding u)
    {
        foreach (var s in u.Symptoms)
            if (s.Status != SymptomStatus.Uncertain) yield return (s.Term, s.Status == SymptomStatus.Present, s.Surface);
        foreach (var v in u.Values)
            foreach (var term in ImpliedTerms(v))
                if (!u.Symptoms.Any(s => s.Term == term)) yield return (term, true, v.Surface);
    }

    private static string Clarify(string term) => $"我再跟您确认一下，您现在有没有{term}的情况？";
}
