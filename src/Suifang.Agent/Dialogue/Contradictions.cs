using Suifang.Agent.Understanding;

namespace Suifang.Agent.Dialogue;

/// <summary>What the call has established about a symptom: present or absent, from which turn and words.</summary>
internal sealed record SymptomFact(string Term, SymptomStatus Status, string Said, int Turn, string? QuestionKey);

/// <summary>A new statement that contradicts an earlier one (7.3.1.2 c).</summary>
internal sealed record Contradiction(SymptomFact Before, SymptomFact Now);

/// <summary>
/// The seam for contradiction detection inside one call (7.3.1.2 c): the engine feeds it facts as they are heard and
/// asks the patient to clarify what it reports. The minimal rule here (present vs absent for the same standard term)
/// can be replaced by the understanding's own detector.
/// </summary>
internal interface IContradictionCheck
{
    /// <summary>Facts the call has established so far, by standard term.</summary>
    IReadOnlyDictionary<string, SymptomFact> Facts { get; }

    /// <summary>Records <paramref name="fact"/>; returns the contradiction it makes with an earlier fact, if any.</summary>
    Contradiction? Add(SymptomFact fact);

    /// <summary>Settles a term after the patient clarified (replaces both statements).</summary>
    void Settle(SymptomFact fact);
}

internal sealed class PresentAbsentCheck : IContradictionCheck
{
    private readonly Dictionary<string, SymptomFact> facts = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, SymptomFact> Facts => facts;

    public Contradiction? Add(SymptomFact fact)
    {
        if (fact.Status == SymptomStatus.Uncertain) return null;
        if (facts.TryGetValue(fact.Term, out var before) && before.Status != fact.Status
            && before.Status != SymptomStatus.Uncertain && before.Turn != fact.Turn)
            return new Contradiction(before, fact);
        facts[fact.Term] = fact;
        return null;
    }

    public void Settle(SymptomFact fact) => facts[fact.Term] = fact;
}
