using Suifang.Agent.Scripts;

namespace Suifang.Agent.Understanding;

/// <summary>
/// Turns one patient utterance into intent, symptoms and values, offline. Implementations must be thread-safe
/// (one instance serves every call) and must not block on I/O.
/// </summary>
public interface IUnderstander
{
    /// <summary>Understands <paramref name="text"/> as an answer in <paramref name="context"/>.</summary>
    UtteranceUnderstanding Understand(string text, UnderstandingContext context);
}

/// <summary>What the agent knows when it hears an utterance.</summary>
/// <param name="Question">The question just asked, or null outside questions (opening, closing).</param>
/// <param name="Now">Hospital local time of the call, for relative dates ("下周三").</param>
/// <param name="Mentioned">Standard terms mentioned earlier in this call, most recent last (coreference: "它还疼").</param>
public sealed record UnderstandingContext(ScriptQuestion? Question, DateTime Now, IReadOnlyList<string> Mentioned)
{
    /// <summary>A context with no question and nothing mentioned.</summary>
    public static UnderstandingContext Open(DateTime now) => new(null, now, []);
}

/// <summary>What the patient meant.</summary>
public enum Intent
{
    /// <summary>Nothing recognisable.</summary>
    Unknown = 0,
    /// <summary>是/对/有 — yes to the question asked.</summary>
    Affirm = 1,
    /// <summary>不是/没有 — no to the question asked.</summary>
    Deny = 2,
    /// <summary>说不好/不清楚 — does not know.</summary>
    Uncertain = 3,
    /// <summary>Gives a value (number, date, choice, description) answering the question.</summary>
    Inform = 4,
    /// <summary>嗯/啊/好 said while listening — never taken as an answer.</summary>
    Filler = 5,
    /// <summary>没听清/再说一遍/大声点.</summary>
    AskRepeat = 6,
    /// <summary>现在不方便/晚点再打 (may carry a time).</summary>
    CallLater = 7,
    /// <summary>打错了/不认识这个人.</summary>
    WrongNumber = 8,
    /// <summary>他已经去世了.</summary>
    Deceased = 9,
    /// <summary>你是谁/哪里打来的.</summary>
    WhoAreYou = 10,
    /// <summary>The patient asks something (药怎么吃/什么时候复查).</summary>
    Question = 11,
    /// <summary>我要找人工/找医生.</summary>
    WantPerson = 12,
    /// <summary>不需要/别再打了.</summary>
    Refuse = 13,
    /// <summary>Insults.</summary>
    Abuse = 14,
    /// <summary>Talks about something else.</summary>
    OffTopic = 15,
    /// <summary>我是他家属/他女儿 — a family member answers for the patient.</summary>
    FamilyMember = 16,
    /// <summary>我就是/是本人.</summary>
    IsPatient = 17,
}

/// <summary>Whether a symptom is there (issue #4: negation and uncertainty are first-class).</summary>
public enum SymptomStatus
{
    Present = 1,
    Absent = 2,
    Uncertain = 3,
}

/// <summary>A symptom mentioned, normalised to its standard term (7.1.2.2): 刀口红 → 伤口发红.</summary>
/// <param name="Term">Standard term, e.g. "发热".</param>
/// <param name="Surface">The words as said, e.g. "烧".</param>
/// <param name="Start">Character offset in the utterance (for the transcript span on a to-do).</param>
public sealed record SymptomMention(string Term, string Surface, SymptomStatus Status, int Start, int Length);

/// <summary>A value said: number with unit, blood pressure, date, score or choice.</summary>
public sealed record ExtractedValue
{
    /// <summary>The answer type it fits.</summary>
    public AnswerType Type { get; init; }
    /// <summary>The words as said ("三十八度五").</summary>
    public required string Surface { get; init; }
    public double? Number { get; init; }
    /// <summary>Second number (diastolic of a blood pressure).</summary>
    public double? Number2 { get; init; }
    public string? Unit { get; init; }
    public DateOnly? Date { get; init; }
    public string? Choice { get; init; }
    public int Start { get; init; }
    public int Length { get; init; }
}

/// <summary>The understanding of one utterance.</summary>
public sealed record UtteranceUnderstanding
{
    public required string Text { get; init; }
    public Intent Intent { get; init; }
    /// <summary>0–1; the dialogue asks again below its threshold.</summary>
    public double Confidence { get; init; }
    public IReadOnlyList<SymptomMention> Symptoms { get; init; } = [];
    public IReadOnlyList<ExtractedValue> Values { get; init; } = [];
    /// <summary>For <see cref="Intent.CallLater"/>: the time the patient named, if any.</summary>
    public DateTime? CallBackAt { get; init; }
    /// <summary>Standard terms that "它/那个药" in this utterance were resolved to (7.1.2.1).</summary>
    public IReadOnlyList<string> ResolvedReferences { get; init; } = [];
    /// <summary>Which component decided (e.g. "rules", "ml", "llm") — kept for quality control (7.2.5.2).</summary>
    public string Source { get; init; } = "rules";
}
