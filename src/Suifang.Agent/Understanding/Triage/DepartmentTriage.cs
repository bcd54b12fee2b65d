using Suifang.Agent.Understanding.Chinese;

namespace Suifang.Agent.Understanding.Triage;

/// <summary>A department and how strongly the complaint points to it (share of the evidence, 0–1).</summary>
public sealed record TriageCandidate(string Department, double Score);

/// <summary>
/// Department triage from a complaint in the patient's own words (issue #7, measured with 6.3 macro P/R/F1): every term
/// said is found with the terminology of understanding (terms.jsonl plus the catalogue's triage words, 7.1.2.2), its status
/// decided by the same negation analysis as follow-up answers ("不胸痛", "没发烧 就是咳嗽"), and each present term adds
/// its departments' weights; a red-flag term counts 1.5 times, so a stroke sign outweighs the headache beside it; who the
/// patient is (孩子, 怀孕) moves the ranking. It only ranks departments: it gives no advice and no diagnosis.
/// Immutable and thread-safe.
/// </summary>
public sealed class DepartmentTriage
{
    private const double RedFlagFactor = 1.5;
    private const double UncertainFactor = 0.5;
    private const int MaxPartGap = 8;
    private static readonly Lazy<DepartmentTriage> SharedInstance = new(() => new DepartmentTriage(TriageCatalogue.Embedded(TermLexicon.Default)));

    private readonly TriageCatalogue catalogue;

    /// <summary>Triage over <paramref name="catalogue"/>.</summary>
    public DepartmentTriage(TriageCatalogue catalogue) => this.catalogue = catalogue;

    /// <summary>Triage with the shipped catalogue and terms.</summary>
    public static DepartmentTriage Shared => SharedInstance.Value;

    /// <summary>The catalogue: departments with their aliases (心内科 → 心血管内科) and cue weights.</summary>
    public TriageCatalogue Catalogue => catalogue;

    /// <summary>The catalogue's department names, in catalogue order.</summary>
    public IReadOnlyList<string> Departments => catalogue.Departments.Select(d => d.Name).ToList();

    /// <summary>Departments for <paramref name="complaint"/>, best first; empty when nothing in it points anywhere.</summary>
    public IReadOnlyList<TriageCandidate> Rank(string complaint)
    {
        if (string.IsNullOrWhiteSpace(complaint)) return [];
        var said = Said(complaint);
        var scores = catalogue.Departments.ToDictionary(d => d.Name, d => said.Sum(s => d.Cues.GetValueOrDefault(s.Term) * s.Weight));
        foreach (var m in catalogue.Modifiers.Where(m => said.Any(s => s.Term == m.Term && s.Weight > 0)))
        {
            var moved = m.Absorbs.Sum(a => scores[a] * (1 - m.Keep));
            foreach (var a in m.Absorbs) scores[a] *= m.Keep;
            scores[m.Department] += m.Base + moved;
        }
        var total = scores.Values.Sum();
        if (total <= 0) return [];
        var order = catalogue.Departments.Select((d, i) => (d.Name, i)).ToDictionary(x => x.Name, x => x.i);
        return scores.Where(s => s.Value > 0)
            .OrderByDescending(s => s.Value).ThenBy(s => order[s.Key])
            .Select(s => new TriageCandidate(s.Key, Math.Round(s.Value / total, 4)))
            .ToList();
    }

    /// <summary>The terms of the complaint with the weight their status gives: present 1 (red flag 1.5), uncertain half,
    /// absent 0. A term said twice counts once, with its strongest statement.</summary>
    internal IReadOnlyList<(string Term, double Weight)> Said(string complaint)
    {
        var matches = catalogue.Lexicon.Find(complaint);
        var masked = Negation.Mask(complaint, matches);
        var said = matches
            .Select(m => (Match: m, Status: m.Term.Category is "person" or "body-part"
                ? NegatedPart(masked, m) ? SymptomStatus.Absent : SymptomStatus.Present
                : Negation.StatusOf(masked, m.Start, m.Start + m.Length, m.Inserted, m.Synonym)))
            .Select(x => (x.Match, Weight: WeightOf(x.Match.Term, x.Status)))
            .ToList();
        var implied = new List<(string, double)>();
        for (var i = 0; i < said.Count; i++)
        {
            if (said[i].Weight <= 0 || said[i].Match.Term.Category != "body-part") continue;
            // the general symptom that follows the part in the same clause: "心口这块一阵一阵地疼"
            var part = said[i].Match;
            var next = said.Skip(i + 1).FirstOrDefault(s => catalogue.Combinations.Any(c => c.Part == part.Term.Name && c.Symptom == s.Match.Term.Name));
            if (next.Match is null) continue;
            var between = complaint[(part.Start + part.Length)..next.Match.Start];
            if (between.Length > MaxPartGap || between.Any(ch => char.IsWhiteSpace(ch) || char.IsPunctuation(ch))) continue;
            var term = catalogue.Combinations.First(c => c.Part == part.Term.Name && c.Symptom == next.Match.Term.Name).Term;
            var plain = next.Match.Term.RedFlag ? next.Weight / RedFlagFactor : next.Weight;
            implied.Add((term, plain * (catalogue.Lexicon.Get(term)!.RedFlag ? RedFlagFactor : 1)));
        }
        return said.Select(s => (s.Match.Term.Name, s.Weight)).Concat(implied)
            .GroupBy(x => x.Item1)
            .Select(g => (g.Key, g.Max(x => x.Item2)))
            .ToList();
    }

    private static double WeightOf(Term term, SymptomStatus status) => status switch
    {
        SymptomStatus.Present => term.RedFlag ? RedFlagFactor : 1,
        SymptomStatus.Uncertain => UncertainFactor,
        _ => 0.0,
    };

    // A person or body part counts unless it is denied right before it ("不是孩子", "不是眼睛"): 眼睛不红 still is about the eye.
    private static bool NegatedPart(string masked, TermMatch m)
    {
        var before = masked[Math.Max(0, m.Start - 2)..m.Start];
        return before.EndsWith("不是", StringComparison.Ordinal) || before.EndsWith('没');
    }
}
