using Suifang.Agent.Knowledge;
using Suifang.Agent.Scripts;
using Suifang.Agent.Understanding;
using Suifang.Agent.Understanding.Chinese;

namespace Suifang.Agent.Dialogue;

/// <summary>
/// One call following a script. Each input becomes one <see cref="DialogueCommand"/> (see <see cref="CommandGenerator"/>)
/// that is applied here to the state: phase, current question, counters, answers, facts.
/// </summary>
internal sealed partial class ScriptConversation : IConversation
{
    private readonly Script script;
    private readonly ConversationSetup setup;
    private readonly IUnderstander understander;
    private readonly IKnowledgeSearch knowledge;
    private readonly DialogueOptions options;
    private readonly CallContradictions contradictions;
    private readonly Wording words;

    private readonly List<CollectedAnswer> answers = [];
    private readonly List<SymptomMention> symptoms = [];
    private readonly List<Escalation> escalations = [];
    private readonly List<HeardTurn> heard = [];
    private readonly List<string> mentioned = [];
    private readonly List<string> skipped = [];
    private readonly List<string> skippedByMemory = [];
    private readonly HashSet<string> handedOffFlags = [];

    private Phase phase = Phase.Identity;
    private bool opened;
    private int index = -1;
    private int turn;
    private int attempts, fillers, outOfRange, silences, repeats, confirmRounds;
    private bool slowMode;
    private string lastPrompt = "";
    private string? candidate;
    private string candidateSaid = "";
    private Contradiction? found;
    private CallEnding? endingNow;
    private DateTime? callBackAt;
    private ConversationOutcome? final;

    public ScriptConversation(Script script, ConversationSetup setup, IUnderstander understander,
        IKnowledgeSearch knowledge, DialogueOptions options, CallContradictions contradictions)
    {
        this.script = script;
        this.setup = setup;
        this.understander = understander;
        this.knowledge = knowledge;
        this.options = options;
        this.contradictions = contradictions;
        words = new Wording(setup);
    }

    private ScriptQuestion? Current => index >= 0 && index < script.Questions.Count ? script.Questions[index] : null;

    public AgentTurn Open()
    {
        if (opened) throw new InvalidOperationException("Open() starts a conversation once.");
        opened = true;
        lastPrompt = words.Fill(script.IdentityCheck);
        return new AgentTurn(words.Fill(script.Opening) + lastPrompt, AcceptsDtmf: false);
    }

    public AgentTurn Reply(PatientInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!opened) throw new InvalidOperationException("Open() the conversation before replying.");
        if (phase == Phase.Ended) throw new InvalidOperationException("The call has ended.");
        turn++;
        found = null;
        var q = Current;
        UtteranceUnderstanding? u = null;
        DialogueCommand command;
        if (input.IsSilence)
            command = CommandGenerator.ForSilence();
        else if (!string.IsNullOrEmpty(input.Dtmf))
        {
            silences = 0;
            command = CommandGenerator.FromKeys(phase, q, input.Dtmf);
        }
        else
        {
            silences = 0;
            var asked = phase is Phase.Question or Phase.Confirm ? q : null;
            // Mentioned is this call's live list (no copy per turn): read it during Understand, do not keep it.
            u = understander.Understand(input.Text!, new UnderstandingContext(asked, setup.Now, mentioned));
            heard.Add(new HeardTurn(turn, input.Text!, asked, u, Confirming: phase == Phase.Confirm));
            Note(NarrowDenialsDropped(u, asked));
            command = CommandGenerator.FromWords(phase, q, u, options.ConfidenceThreshold);
        }

        var reply = turn > options.MaxTurns && command is not EndCommand
            ? End(answers.Count > 0 ? CallEnding.Partial : CallEnding.NoResponse, Phrases.TooLong)
            : Apply(command, input);
        if (found is { } c && phase is not (Phase.Clarify or Phase.CallTime) && (!reply.EndsCall || endingNow is null))
            reply = StartClarify(c, reply);
        if (reply.EndsCall) Finish();
        return u is null ? reply : reply with { Understood = u };
    }

    public ConversationOutcome Outcome => final ?? Snapshot(CallEnding.InProgress);

    /// <summary>中断 (5.3.5): the patient hung up before the call's end; the answers so far are kept and the transcript is
    /// read for red flags as at any end.</summary>
    public ConversationOutcome HungUp()
    {
        if (phase != Phase.Ended)
        {
            endingNow = CallEnding.Interrupted;
            Finish();
        }
        return final!;
    }

    private AgentTurn Apply(DialogueCommand command, PatientInput input) => command switch
    {
        SilenceCommand => OnSilence(),
        RepeatCommand => OnRepeat(),
        CallLaterCommand c => c.At is { } at ? CallBack(at) : AskCallTime(),
        EndCommand e => End(e.Ending, e.Ending switch
        {
            CallEnding.Deceased => Phrases.Deceased,
            CallEnding.Refused => Phrases.Refused,
            CallEnding.Voicemail => words.Voicemail(),
            _ => Phrases.WrongNumber,
        }),
        WhoAreYouCommand => Aside(words.Fill(Phrases.WhoAreYou)),
        AskKnowledgeCommand k => OnQuestion(k.Question),
        HandOffCommand h => OnHandOff(h),
        CallTimeCommand t => t.At is { } at ? CallBack(at) : End(CallEnding.CallLater, Phrases.CallLaterNoTime),
        _ => phase switch
        {
            Phase.Identity => OnIdentity(command),
            Phase.Question => OnAnswer(command, Said(input)),
            Phase.Confirm => OnConfirm(command, Said(input)),
            Phase.Clarify => OnClarify(command, Said(input)),
            Phase.CallTime => End(CallEnding.CallLater, Phrases.CallLaterNoTime),
            _ => throw new InvalidOperationException($"No input is expected in phase {phase}."),
        },
    };

    private static string Said(PatientInput input) => input.Text ?? "按键" + input.Dtmf;

    /// <summary>Keeps every symptom mentioned (for the outcome and coreference) and checks what was said — symptoms and
    /// values — against earlier turns (7.3.1.2 c).</summary>
    private void Note(UtteranceUnderstanding u)
    {
        // "对" to "您是说没有皮肤发黄，对吗？" agrees with the read-back; it says nothing about the symptom itself (the
        // understanding, with the question as context, labels a bare yes with the question's term as present).
        if (phase == Phase.Confirm && CommandGenerator.ShortAgreement(u.Text)) return;
        foreach (var m in u.Symptoms)
        {
            symptoms.Add(m);
            mentioned.Remove(m.Term);
            mentioned.Add(m.Term);
        }
        if (phase != Phase.Clarify && contradictions.Add(u, turn, null) is { } c) found ??= c;
    }

    /// <summary>
    /// A no to a narrower question of a term ("坐着不动也喘吗" — breathlessness_at_rest, orthopnea, chest_pain_minutes)
    /// denies only the narrower case, not the term itself: a patient breathless on exertion says yes to breathlessness
    /// and no to breathlessness at rest, which is no contradiction (7.3.1.2 c) and no reason to hand the call over. The
    /// record checker applies the same rule (RecordContradictions).
    /// </summary>
    private static UtteranceUnderstanding NarrowDenialsDropped(UtteranceUnderstanding u, ScriptQuestion? asked)
    {
        if (asked is not { Type: AnswerType.YesNo, Symptom: null }) return u;
        var term = TermLexicon.Default.ForQuestion(asked.Key);
        if (term is null || !term.AsksNarrower(asked.Key)) return u;
        if (!u.Symptoms.Any(m => m.Term == term.Name && m.Status == SymptomStatus.Absent)) return u;
        return u with { Symptoms = [.. u.Symptoms.Where(m => !(m.Term == term.Name && m.Status == SymptomStatus.Absent))] };
    }

    private void AddFact(SymptomFact fact)
    {
        if (contradictions.Add(fact) is { } c) found ??= c;
    }

    private AgentTurn Say(string text, bool slow = false, bool keys = false, string? key = null) =>
        new(text, slow || slowMode, keys, QuestionKey: key);

    private AgentTurn End(CallEnding ending, string text, DateTime? at = null)
    {
        endingNow = ending;
        callBackAt = at;
        return new AgentTurn(words.Fill(text), slowMode, EndsCall: true);
    }
}
