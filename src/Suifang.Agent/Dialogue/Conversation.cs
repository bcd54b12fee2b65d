using Suifang.Agent.Understanding;

namespace Suifang.Agent.Dialogue;

/// <summary>
/// One call's dialogue, driven by whatever carries the audio (the simulated phone network, SIP, the editor's test
/// console): <see cref="Open"/> gives the first turn, then each patient input gives the next, until a turn ends the call.
/// Not thread-safe: one conversation belongs to one call.
/// </summary>
public interface IConversation
{
    /// <summary>The agent's first turn (greeting with AI disclosure).</summary>
    AgentTurn Open();

    /// <summary>The agent's reply to what the patient did (spoke, pressed keys, stayed silent).</summary>
    AgentTurn Reply(PatientInput input);

    /// <summary>What the call produced so far; final once a turn had <see cref="AgentTurn.EndsCall"/>.</summary>
    ConversationOutcome Outcome { get; }

    /// <summary>The patient hung up before a turn ended the call (中断, 5.3.5): the outcome with the answers so far, ended
    /// <see cref="CallEnding.Interrupted"/>. After an ending turn, the outcome as it is.</summary>
    ConversationOutcome HungUp() => Outcome.Ending == CallEnding.InProgress ? Outcome with { Ending = CallEnding.Interrupted } : Outcome;
}

/// <summary>What the patient did in one turn: recognised speech, key presses (DTMF), or nothing.</summary>
public sealed record PatientInput(string? Text, string? Dtmf = null)
{
    /// <summary>The patient said nothing before the listening timeout.</summary>
    public bool IsSilence => string.IsNullOrWhiteSpace(Text) && string.IsNullOrEmpty(Dtmf);
    public static PatientInput Said(string text) => new(text);
    public static PatientInput Pressed(string digits) => new(null, digits);
    public static readonly PatientInput Silence = new(null, null);
}

/// <summary>The agent's turn: what to say, how, and whether the call ends after it.</summary>
/// <param name="Say">Plain, short, polite Chinese (8.1.1), already checked for content safety (9.3.1).</param>
/// <param name="Slow">Speak slower (a repeat for someone hard of hearing).</param>
/// <param name="AcceptsDtmf">The question can be answered by key press.</param>
/// <param name="EndsCall">Hang up after saying it.</param>
/// <param name="Understood">How the last patient input was understood (shown in the test console, kept per turn).</param>
/// <param name="QuestionKey">The question this turn asks, if any.</param>
public sealed record AgentTurn(string Say, bool Slow = false, bool AcceptsDtmf = false, bool EndsCall = false,
    UtteranceUnderstanding? Understood = null, string? QuestionKey = null);

/// <summary>How a call ended, in terms the task engine and the nurses use.</summary>
public enum CallEnding
{
    /// <summary>Still talking.</summary>
    InProgress = 0,
    /// <summary>All required questions answered.</summary>
    Completed = 1,
    /// <summary>Ended early but some answers were collected.</summary>
    Partial = 2,
    /// <summary>Asked to be called at <see cref="ConversationOutcome.CallBackAt"/>.</summary>
    CallLater = 3,
    WrongNumber = 4,
    Deceased = 5,
    /// <summary>Wants a person: a call-back to-do is created.</summary>
    HandedOff = 6,
    /// <summary>Refused or abusive: marked uncooperative.</summary>
    Refused = 7,
    /// <summary>Silent after reprompts.</summary>
    NoResponse = 8,
    /// <summary>自动留言: a voicemail or auto-reply answered, not a person (5.3.5).</summary>
    Voicemail = 9,
    /// <summary>中断: the line dropped or the patient hung up midway, before the follow-up was done (5.3.5).</summary>
    Interrupted = 10,
}

/// <summary>One answer collected, keyed like the pathway's questions.</summary>
/// <param name="Value">Normalised value as text: "yes"/"no"/"uncertain", "38.5", "150/95", "2026-12-02", a choice, free text.</param>
/// <param name="Turn">Index of the patient turn it came from (for the transcript span).</param>
public sealed record CollectedAnswer(string QuestionKey, string Value, string Said, int Turn, bool Confirmed = false);

/// <summary>Something a nurse must look at, raised during or after the call.</summary>
/// <param name="Kind">"handoff", "red-flag", "contradiction", "unanswered-question", "abnormal".</param>
/// <param name="Urgent">Needs a call-back today.</param>
public sealed record Escalation(string Kind, string Reason, string Said, int Turn, bool Urgent);

/// <summary>The result of a conversation.</summary>
public sealed record ConversationOutcome
{
    public CallEnding Ending { get; init; }
    public IReadOnlyList<CollectedAnswer> Answers { get; init; } = [];
    public IReadOnlyList<SymptomMention> Symptoms { get; init; } = [];
    public IReadOnlyList<Escalation> Escalations { get; init; } = [];
    public DateTime? CallBackAt { get; init; }
    /// <summary>Who answered: the patient or a family member (identity check).</summary>
    public bool AnsweredByFamily { get; init; }
    /// <summary>A short Chinese summary for the nurse.</summary>
    public string Summary { get; init; } = "";
}
