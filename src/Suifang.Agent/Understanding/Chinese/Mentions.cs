namespace Suifang.Agent.Understanding.Chinese;

/// <summary>
/// Symptom mentions with status, and coreference across turns (7.1.2.1): a general word ("疼", "红", "那个药") takes the
/// specific term the question asks about, or else the latest specific term mentioned earlier in the call ("它还疼" after
/// 伤口疼痛 → 伤口疼痛 Present); "还是那样" refers to the latest symptom mentioned.
/// </summary>
internal static class Mentions
{
    private static readonly string[] Anaphors = ["它", "那个", "这个", "还是那样", "还有", "还会", "还在", "又", "还是", "没见好", "好些了", "好点", "消了", "没了", "通了", "好了", "那块", "那种", "还那样", "老样子", "跟之前一样", "和之前一样", "跟上次一样", "和上次一样", "一样", "那样", "这毛病", "那毛病", "这情况", "那情况"];

    private static readonly Dictionary<string, string> WoundTerms = new()
    {
        ["发红"] = "伤口发红", ["肿胀"] = "伤口肿胀", ["疼痛"] = "伤口疼痛", ["出血"] = "伤口出血",
    };

    public static bool Anaphor(string bare) => Anaphors.Any(a => bare.Contains(a, StringComparison.Ordinal));

    public static string? LatestSymptom(IReadOnlyList<string> mentioned, TermLexicon lexicon) =>
        mentioned.LastOrDefault(m => lexicon.Get(m) is { IsSymptom: true } t && !IsGeneral(t, lexicon));

    public static List<SymptomMention> Symptoms(string text, string masked, IReadOnlyList<TermMatch> matches, Term? questionTerm,
        IReadOnlyList<string> mentioned, TermLexicon lexicon, List<string> resolved)
    {
        var result = new List<SymptomMention>();
        foreach (var m in matches)
        {
            var term = m.Term;
            if (term.Category == "medicine" && term.Name == "药物" && mentioned.LastOrDefault(x => lexicon.Get(x)?.Category == "medicine" && x != "药物") is { } medicine)
                resolved.Add(medicine);
            if (!term.IsSymptom) continue;
            var name = term.Name;
            if (IsGeneral(term, lexicon))
            {
                var wound = questionTerm?.Name.StartsWith("伤口", StringComparison.Ordinal) == true || text.Contains("伤口") || text.Contains("刀口") || text.Contains("切口");
                if (questionTerm is { IsSymptom: true } && questionTerm.Broader == name) name = questionTerm.Name;
                else if (mentioned.LastOrDefault(x => lexicon.Get(x)?.Broader == name) is { } specific) { name = specific; resolved.Add(specific); }
                else if (wound && WoundTerms.TryGetValue(name, out var woundTerm)) name = woundTerm;
            }
            var status = Negation.StatusOf(masked, m.Start, m.Start + m.Length, m.Inserted, m.Synonym);
            var surface = text.Substring(m.Start, m.Length);
            // one mention per term: the later statement wins ("疼倒是不疼" → one Absent)
            result.RemoveAll(s => s.Term == name);
            result.Add(new SymptomMention(name, surface, status, m.Start, m.Length));
        }
        return result;
    }

    // A general word: the broader term of some more specific term (疼痛, 发红, 肿胀, 出血).
    private static bool IsGeneral(Term term, TermLexicon lexicon) => lexicon.Terms.Any(t => t.Broader == term.Name);
}
