using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Suifang.Agent.Understanding.Chinese;

/// <summary>A standard term and the colloquial words that mean it (7.1.2.2), one line of data/nlu/terms.jsonl.</summary>
/// <param name="Category">symptom, body-part, medicine, exam or condition.</param>
/// <param name="Questions">Question keys whose yes/no answer is about this term ("wound_redness" → 伤口发红).</param>
/// <param name="Broader">The general term a colloquial generic word stands for ("疼" is 疼痛, broader of 伤口疼痛).</param>
public sealed record Term(
    string Name, string Category, IReadOnlyList<string> Synonyms, bool RedFlag,
    IReadOnlyList<string> Questions, string? Broader)
{
    /// <summary>Question keys that ask the opposite ("能正常吃东西吗" about 食欲不振): yes means Absent.</summary>
    public IReadOnlyList<string> InverseQuestions { get; init; } = [];

    /// <summary>Question keys that ask about this term besides their main term (chest_pain: 胸痛, also 胸闷): naming it
    /// present answers yes (data/nlu/README.md, "Question terms").</summary>
    public IReadOnlyList<string> AlsoQuestions { get; init; } = [];

    /// <summary>True for a symptom (what gets a <see cref="SymptomStatus"/>).</summary>
    public bool IsSymptom => Category == "symptom";

    /// <summary>True when <paramref name="questionKey"/> asks about a narrower case of this term than its main question
    /// (breathlessness_at_rest, orthopnea for 呼吸困难; chest_pain_minutes for 胸痛): a no to it denies only that case, not
    /// the term — used by the dialogue's and the record checker's contradiction rules alike.</summary>
    public bool AsksNarrower(string questionKey) =>
        Questions.Count > 0 && Questions[0] != questionKey && !InverseQuestions.Contains(questionKey);
}

/// <summary>A term found in an utterance.</summary>
/// <param name="Start">Offset of the first character matched.</param>
/// <param name="Length">Characters from the first to the last matched one, words said in between included.</param>
/// <param name="Inserted">Words said between the characters of the synonym ("伤口不红": "不").</param>
public sealed record TermMatch(Term Term, string Synonym, int Start, int Length, string Inserted);

/// <summary>
/// The terminology of understanding (7.1.2.2): normalises what patients say to standard terms, e.g. 刀口红 → 伤口发红,
/// 发烧 → 发热, 血糖高 → 高血糖. Matching tolerates short words said inside a colloquial form ("伤口不红", "刀口有点红",
/// "肚子没怎么疼") so that negation and degree words stay visible to the status analysis. Immutable and thread-safe.
/// </summary>
public sealed class TermLexicon
{
    private static readonly Lazy<TermLexicon> Embedded = new(() => Load(OpenEmbedded("nlu/terms.jsonl")));

    // Words a patient may put between the characters of a colloquial form; longest first.
    private static readonly string[] Inserts =
    [
        "已经不", "已经没", "早就不", "早就没", "不是很", "没怎么", "不怎么", "有一点", "有点儿", "没什么", "倒是不",
        "一点", "有点", "有些", "不太", "也不", "也没", "都不", "都没", "还是", "已经", "早就", "没有", "倒是", "比较",
        "特别", "稍微", "老是", "总是", "那里", "那块", "周围", "边上", "也", "都", "还", "不", "没", "挺", "很", "又",
        "有", "是", "的", "那", "就", "可", "太", "好", "再", "了", "得", "出",
    ];
    private const int MaxInserted = 5;

    private readonly Dictionary<char, (string Synonym, Term Term)[]> byFirstChar;
    private readonly Dictionary<string, Term> byName;
    private readonly Dictionary<string, Term> byQuestion;

    private TermLexicon(IReadOnlyList<Term> terms)
    {
        Terms = terms;
        byName = terms.ToDictionary(t => t.Name);
        byQuestion = terms.SelectMany(t => t.Questions.Concat(t.InverseQuestions).Select(q => (q, t))).ToDictionary(x => x.q, x => x.t);
        byFirstChar = terms
            .SelectMany(t => t.Synonyms.Append(t.Name).Distinct().Select(s => (Synonym: s, Term: t)))
            .Where(x => x.Synonym.Length > 0)
            .GroupBy(x => char.ToLowerInvariant(x.Synonym[0]))
            .ToDictionary(g => g.Key, g => g.OrderByDescending(x => x.Synonym.Length).ToArray());
    }

    /// <summary>The terms shipped in the Agent assembly (data/nlu/terms.jsonl).</summary>
    public static TermLexicon Default => Embedded.Value;

    public IReadOnlyList<Term> Terms { get; }

    /// <summary>Every colloquial form, for the segmenter's user dictionary.</summary>
    public IEnumerable<string> AllSynonyms => Terms.SelectMany(t => t.Synonyms.Append(t.Name)).Distinct();

    public Term? Get(string name) => byName.GetValueOrDefault(name);

    /// <summary>The term a yes/no question asks about, if the terminology knows it.</summary>
    public Term? ForQuestion(string questionKey) => byQuestion.GetValueOrDefault(questionKey);

    /// <summary>Every term a question asks about: its main term and the others it names (chest_pain: 胸痛, 胸闷).</summary>
    public IEnumerable<Term> AllForQuestion(string questionKey) =>
        Terms.Where(t => t.Questions.Contains(questionKey) || t.AlsoQuestions.Contains(questionKey));

    /// <summary>The standard term for a colloquial form said alone ("刀口红" → 伤口发红), or null.</summary>
    public string? Normalise(string words)
    {
        var match = Find(words).FirstOrDefault(m => m.Start == 0 && m.Length == words.Length);
        return match?.Term.Name;
    }

    /// <summary>Non-overlapping matches, longest colloquial form first, in text order.</summary>
    public IReadOnlyList<TermMatch> Find(string text)
    {
        var candidates = new List<TermMatch>();
        for (var i = 0; i < text.Length; i++)
        {
            if (!byFirstChar.TryGetValue(char.ToLowerInvariant(text[i]), out var forms)) continue;
            foreach (var (synonym, term) in forms)
            {
                var end = MatchAt(text, i, synonym, out var inserted);
                if (end > 0) candidates.Add(new TermMatch(term, synonym, i, end - i, inserted));
            }
        }
        var taken = new bool[text.Length];
        var chosen = new List<TermMatch>();
        foreach (var c in candidates.OrderByDescending(c => c.Synonym.Length).ThenBy(c => c.Inserted.Length).ThenBy(c => c.Start))
        {
            if (Enumerable.Range(c.Start, c.Length).Any(k => taken[k])) continue;
            for (var k = c.Start; k < c.Start + c.Length; k++) taken[k] = true;
            chosen.Add(c);
        }
        chosen.Sort((a, b) => a.Start.CompareTo(b.Start));
        return chosen;
    }

    // Returns the end offset of a match of synonym at start (0 when none); inserted words only between its characters.
    private static int MatchAt(string text, int start, string synonym, out string inserted)
    {
        inserted = "";
        var pos = start;
        for (var k = 0; k < synonym.Length; k++)
        {
            if (pos < text.Length && char.ToLowerInvariant(text[pos]) == char.ToLowerInvariant(synonym[k])) { pos++; continue; }
            if (k == 0 || char.IsAscii(synonym[0]) || !TrySkipInsert(text, ref pos, synonym[k], ref inserted)) return 0;
            pos++;
        }
        return pos;
    }

    private static bool TrySkipInsert(string text, ref int pos, char next, ref string inserted)
    {
        var p = pos;
        var said = "";
        // Up to two inserted words, e.g. "也" + "不".
        for (var round = 0; round < 2; round++)
        {
            var word = Inserts.FirstOrDefault(w => string.CompareOrdinal(text, p, w, 0, w.Length) == 0);
            if (word is null) break;
            said += word;
            p += word.Length;
            if (p < text.Length && text[p] == next) break;
        }
        if (said.Length == 0 || said.Length + inserted.Length > MaxInserted || p >= text.Length || text[p] != next) return false;
        inserted += said;
        pos = p;
        return true;
    }

    internal static Stream OpenEmbedded(string name) =>
        typeof(TermLexicon).Assembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"The Agent assembly has no embedded resource {name}.");

    internal static IEnumerable<string> EmbeddedNames(string prefix) =>
        typeof(TermLexicon).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    /// <summary>A lexicon of <paramref name="terms"/> (names unique), e.g. terms.jsonl extended with triage words.</summary>
    public static TermLexicon FromTerms(IEnumerable<Term> terms) => new(terms.ToList());

    /// <summary>Reads terms from JSON lines (the format of data/nlu/terms.jsonl).</summary>
    public static TermLexicon Load(Stream jsonLines)
    {
        using var reader = new StreamReader(jsonLines);
        var terms = new List<Term>();
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var row = JsonSerializer.Deserialize<TermRow>(line, JsonOptions.Default)
                ?? throw new InvalidDataException($"Empty term line: {line}");
            terms.Add(new Term(row.Term, row.Category, row.Synonyms ?? [], row.RedFlag, row.Questions ?? [], row.Broader) { InverseQuestions = row.InverseQuestions ?? [], AlsoQuestions = row.AlsoQuestions ?? [] });
        }
        return new TermLexicon(terms);
    }

    private sealed record TermRow(
        [property: JsonPropertyName("term")] string Term,
        [property: JsonPropertyName("category")] string Category,
        [property: JsonPropertyName("synonyms")] string[]? Synonyms,
        [property: JsonPropertyName("redFlag")] bool RedFlag,
        [property: JsonPropertyName("questions")] string[]? Questions,
        [property: JsonPropertyName("broader")] string? Broader,
        [property: JsonPropertyName("inverseQuestions")] string[]? InverseQuestions,
        [property: JsonPropertyName("alsoQuestions")] string[]? AlsoQuestions);
}

internal static class JsonOptions
{
    public static readonly JsonSerializerOptions Default = new() { PropertyNameCaseInsensitive = true };
}
