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
            if (IsGeneral(term, lexicon) && JustNamed(matches, m, lexicon) is { } here)
            {
                // 7.1.2.1: the general word belongs to the body part or symptom just named ("乳房有个硬块，疼").
                if (here.Covered) continue;
                name = here.Name;
            }
            else if (IsGeneral(term, lexicon))
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
            // Heavy bleeding stays the red flag even where it is the wound's ("刀口的血止不住": 伤口出血 and 出血).
            if (name != term.Name && term.RedFlag && HeavyCues.Any(c => text.Contains(c, StringComparison.Ordinal)))
            {
                result.RemoveAll(s => s.Term == term.Name);
                result.Add(new SymptomMention(term.Name, surface, status, m.Start, m.Length));
            }
        }
        return result;
    }

    /// <summary>
    /// What a general word ("疼", "红", "肿") refers to when a body part or a symptom was named just before it in the same
    /// utterance: a symptom that already says it (乳房肿痛 covers "疼": the mention is not repeated), the specific term of
    /// that body part (头 + 疼 → 头痛, 膝盖 + 疼 → 关节疼痛), or the general term itself when the body part has none
    /// ("腰 疼" stays 疼痛 and is not taken for a pain mentioned earlier in the call). Null when nothing was named close by.
    /// </summary>
    private static (string Name, bool Covered)? JustNamed(IReadOnlyList<TermMatch> matches, TermMatch general, TermLexicon lexicon)
    {
        var words = general.Term.Synonyms.Append(general.Term.Name).Where(w => w.Length == 1).ToArray();
        for (var i = matches.Count - 1; i >= 0; i--)
        {
            var prior = matches[i];
            if (prior.Start + prior.Length > general.Start) continue;
            if (general.Start - (prior.Start + prior.Length) > MaxGap) return null;
            var t = prior.Term;
            if (t == general.Term)
                return null; // the same general word again ("红是不红了"): the later statement decides, as before
            if (t.IsSymptom)
            {
                if (t.Broader == general.Term.Name) return (t.Name, true);
                if (words.Any(w => t.Name.Contains(w, StringComparison.Ordinal))) return (t.Name, true);
                continue;
            }
            if (t.Category != "body-part") continue;
            var part = prior.Synonym;
            var specific = lexicon.Terms
                .Where(x => x.IsSymptom && x.Broader == general.Term.Name)
                .FirstOrDefault(x => x.Synonyms.Append(x.Name).Any(sy => sy.StartsWith(part, StringComparison.Ordinal)));
            return (specific?.Name ?? general.Term.Name, false);
        }
        return null;
    }

    // Words that make a red-flag symptom heavy whatever body part it is at: it is not narrowed to a milder term alone.
    private static readonly string[] HeavyCues =
        ["止不住", "很多血", "好多血", "湿透", "一直流", "一直在流", "不停地流", "流个不停", "大量", "不止", "一大片血", "一大摊血"];

    // Characters allowed between the body part or symptom and the general word ("乳房有个硬块，疼": "，").
    private const int MaxGap = 4;

    // A general word: the broader term of some more specific term (疼痛, 发红, 肿胀, 出血).
    private static bool IsGeneral(Term term, TermLexicon lexicon) => lexicon.Terms.Any(t => t.Broader == term.Name);
}
