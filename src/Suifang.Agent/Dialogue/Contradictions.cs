using Suifang.Agent.Understanding;

namespace Suifang.Agent.Dialogue;

/// <summary>What the call has established about a symptom: present or absent, from which turn and words.</summary>
internal sealed record SymptomFact(string Term, SymptomStatus Status, string Said, int Turn, string? QuestionKey);

/// <summary>A new statement that contradicts an earlier one (7.3.1.2 c).</summary>
internal sealed record Contradiction(SymptomFact Before, SymptomFact Now);

/// <summary>
/// Contradictions inside one call (7.3.1.2 c), decided by the understanding's <see cref="ContradictionDetector"/> — one
/// rule for the understander and the dialogue: a symptom said absent and later present (or the reverse), and a value that
/// implies a symptom said absent ("没发烧" … "昨天烧到39度"). The engine feeds it what it hears (whole understandings, so
/// values count) and the yes/no answers it records, and asks the patient to clarify what comes back. Statements of the
/// same turn never contradict each other (the understander already resolves self-corrections inside one utterance).
/// </summary>
internal sealed class CallContradictions
{
    private readonly List<(UtteranceUnderstanding Said, SymptomFact? Fact, int Turn, string? QuestionKey)> statements = [];

    /// <summary>Records what an utterance said; returns the contradiction it makes with an earlier turn, if any.</summary>
    public Contradiction? Add(UtteranceUnderstanding u, int turn, string? questionKey) => Add(u, null, turn, questionKey);

    /// <summary>Records a recorded answer about a symptom (a yes/no question, also by key press).</summary>
    public Contradiction? Add(SymptomFact fact) => Add(AsUnderstanding(fact), fact, fact.Turn, fact.QuestionKey);

    /// <summary>Settles a term after the patient clarified: later statements are compared with this one.</summary>
    public void Settle(SymptomFact fact) => statements.Add((AsUnderstanding(fact), fact, fact.Turn, fact.QuestionKey));

    private Contradiction? Add(UtteranceUnderstanding u, SymptomFact? fact, int turn, string? questionKey)
    {
        var earlier = statements.Where(s => s.Turn < turn).ToList();
        statements.Add((u, fact, turn, questionKey));
        var found = ContradictionDetector.Check([.. earlier.Select(s => s.Said), u]).FirstOrDefault();
        if (found is null) return null;
        var before = earlier[found.EarlierIndex];
        var beforeStatus = found.NowPresent ? SymptomStatus.Absent : SymptomStatus.Present;
        var beforeFact = before.Fact is { } f && f.Term == found.Term
            ? f
            : new SymptomFact(found.Term, beforeStatus, Surface(before.Said, found.Term), before.Turn, before.QuestionKey);
        var nowFact = new SymptomFact(found.Term, found.NowPresent ? SymptomStatus.Present : SymptomStatus.Absent,
            fact?.Said ?? found.LaterSaid, turn, questionKey);
        return new Contradiction(beforeFact, nowFact);
    }

    private static string Surface(UtteranceUnderstanding u, string term) =>
        u.Symptoms.LastOrDefault(s => s.Term == term)?.Surface ?? u.Text;

    private static UtteranceUnderstanding AsUnderstanding(SymptomFact fact) => new()
    {
        Text = fact.Said,
        Intent = fact.Status switch { SymptomStatus.Present => Intent.Affirm, SymptomStatus.Absent => Intent.Deny, _ => Intent.Uncertain },
        Confidence = 1,
        Symptoms = [new SymptomMention(fact.Term, fact.Said, fact.Status, 0, fact.Said.Length)],
    };
}
