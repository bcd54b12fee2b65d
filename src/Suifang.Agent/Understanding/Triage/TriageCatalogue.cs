using System.Text.Json;
using System.Text.Json.Serialization;
using Suifang.Agent.Understanding.Chinese;

namespace Suifang.Agent.Understanding.Triage;

/// <summary>A department of the triage catalogue and the weight each standard term gives it.</summary>
/// <param name="Aliases">Other names hospitals use for it (心内科 for 心血管内科).</param>
public sealed record TriageDepartment(string Name, IReadOnlyList<string> Aliases, IReadOnlyDictionary<string, double> Cues);

/// <summary>Who the patient is moves the ranking: a child's internal-medicine complaint belongs to 儿科.</summary>
/// <param name="Base">Added to <paramref name="Department"/> when the term is said.</param>
/// <param name="Absorbs">Departments whose score moves to <paramref name="Department"/>, all but <paramref name="Keep"/> of it.</param>
public sealed record TriageModifier(string Term, string Department, double Base, IReadOnlyList<string> Absorbs, double Keep);

/// <summary>A body part followed in the same clause by a general symptom means a specific term: 心口 … 疼 → 胸痛.</summary>
public sealed record TriageCombination(string Part, string Symptom, string Term);

/// <summary>
/// The department catalogue of triage (Understanding/Triage/departments.json, embedded): extra triage words, the
/// departments with cue weights by standard term, and the modifiers. The words are added to the terms of
/// data/nlu/terms.jsonl; a synonym both list is the triage term's (流鼻血 is 鼻出血 here, 出血 in a follow-up answer).
/// </summary>
public sealed class TriageCatalogue
{
    private TriageCatalogue(TermLexicon lexicon, IReadOnlyList<TriageDepartment> departments, IReadOnlyList<TriageModifier> modifiers,
        IReadOnlyList<TriageCombination> combinations)
    {
        Combinations = combinations;
        Lexicon = lexicon;
        Departments = departments;
        Modifiers = modifiers;
    }

    /// <summary>terms.jsonl plus the triage words.</summary>
    public TermLexicon Lexicon { get; }

    public IReadOnlyList<TriageDepartment> Departments { get; }

    public IReadOnlyList<TriageModifier> Modifiers { get; }

    public IReadOnlyList<TriageCombination> Combinations { get; }

    /// <summary>The catalogue shipped in the Agent assembly over <paramref name="terms"/>.</summary>
    public static TriageCatalogue Embedded(TermLexicon terms)
    {
        using var stream = TermLexicon.OpenEmbedded("triage/departments.json");
        return Load(stream, terms);
    }

    /// <summary>Reads a catalogue (the format of departments.json); throws <see cref="InvalidDataException"/> with a
    /// Chinese message when a cue names a term that neither list has.</summary>
    public static TriageCatalogue Load(Stream json, TermLexicon terms)
    {
        var file = JsonSerializer.Deserialize<CatalogueFile>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
                   ?? throw new InvalidDataException("分诊科室目录是空的。");
        var own = file.Terms.Select(t => new Term(t.Term, t.Category ?? "triage", t.Synonyms, false, [], null)).ToList();
        var claimed = own.SelectMany(t => t.Synonyms.Append(t.Name)).ToHashSet();
        var merged = terms.Terms.Select(t => t with { Synonyms = t.Synonyms.Where(s => !claimed.Contains(s)).ToList() }).Concat(own);
        var lexicon = TermLexicon.FromTerms(merged);
        foreach (var d in file.Departments)
            foreach (var cue in d.Cues.Keys.Where(k => lexicon.Get(k) is null))
                throw new InvalidDataException($"分诊科室目录中“{d.Name}”的线索词“{cue}”不是已知的标准术语，请先在 terms 中加上它。");
        var names = file.Departments.Select(d => d.Name).ToHashSet();
        foreach (var m in file.Modifiers.Where(m => lexicon.Get(m.Term) is null || !names.Contains(m.Department) || m.Absorbs.Any(a => !names.Contains(a))))
            throw new InvalidDataException($"分诊科室目录中关于“{m.Term}”的调整项写的术语或科室不存在，请改正。");
        var combinations = (file.Combinations ?? []).Select(c => new TriageCombination(c.Part, c.Symptom, c.Term)).ToList();
        foreach (var c in combinations.Where(c => new[] { c.Part, c.Symptom, c.Term }.Any(t => lexicon.Get(t) is null)))
            throw new InvalidDataException($"分诊科室目录中的组合“{c.Part}+{c.Symptom}→{c.Term}”用了不存在的术语，请改正。");
        return new TriageCatalogue(lexicon,
            file.Departments.Select(d => new TriageDepartment(d.Name, d.Aliases ?? [], d.Cues)).ToList(),
            file.Modifiers.Select(m => new TriageModifier(m.Term, m.Department, m.Base, m.Absorbs, m.Keep)).ToList(), combinations);
    }

    private sealed record CatalogueFile(List<TermRow> Terms, List<DepartmentRow> Departments, List<ModifierRow> Modifiers,
        List<CombinationRow>? Combinations);

    private sealed record CombinationRow(string Part, string Symptom, string Term);

    private sealed record TermRow(string Term, string? Category, List<string> Synonyms);

    private sealed record DepartmentRow(string Name, List<string>? Aliases, Dictionary<string, double> Cues);

    private sealed record ModifierRow(string Term, string Department, double Base, List<string> Absorbs, double Keep);
}
