using Suifang.Agent.Scripts;
using Suifang.Agent.Understanding;

namespace Suifang.Agent.Dialogue;

/// <summary>Where the conversation stands: what the patient's next input is an answer to.</summary>
internal enum Phase { Identity, Question, Confirm, Clarify, CallTime, Ended }

/// <summary>
/// What an input asks the engine to do (Rasa-style: understanding — later perhaps an LLM — only proposes a command;
/// <see cref="ScriptConversation"/> applies it to the dialogue state deterministically).
/// </summary>
internal abstract record DialogueCommand;

internal sealed record SilenceCommand : DialogueCommand;
internal sealed record FillerCommand : DialogueCommand;
internal sealed record NotUnderstoodCommand : DialogueCommand;
internal sealed record AnswerCommand(Reading Reading) : DialogueCommand;
internal sealed record ConfirmCommand(bool Yes) : DialogueCommand;
internal sealed record IdentifyCallerCommand(bool Family) : DialogueCommand;
internal sealed record ClarifyCommand(SymptomStatus Status) : DialogueCommand;
internal sealed record CallTimeCommand(DateTime? At) : DialogueCommand;
internal sealed record RepeatCommand : DialogueCommand;
internal sealed record CallLaterCommand(DateTime? At) : DialogueCommand;
internal sealed record EndCommand(CallEnding Ending) : DialogueCommand;
internal sealed record WhoAreYouCommand : DialogueCommand;
internal sealed record AskKnowledgeCommand(string Question) : DialogueCommand;
internal sealed record HandOffCommand(RedFlag? Alarming, SymptomMention? Mention) : DialogueCommand;
/// <summary>The patient has no answer to an optional question ("没量", "家里没有血氧仪"): skip it, do not ask again.</summary>
internal sealed record NoAnswerToOptionalCommand : DialogueCommand;

/// <summary>Turns one input, as understood, into the command for the current phase. Global intents win in every phase.</summary>
internal static class CommandGenerator
{
    private static readonly SilenceCommand Silence = new();
    private static readonly FillerCommand Filler = new();
    private static readonly NotUnderstoodCommand NotUnderstood = new();
    private static readonly RepeatCommand Repeat = new();
    private static readonly WhoAreYouCommand WhoAreYou = new();
    private static readonly NoAnswerToOptionalCommand NoAnswerToOptional = new();

    // Words that say "I have nothing to tell" for a measurement or a date: not measured, no device, do not know.
    private static readonly string[] NothingToTell =
    [
        "没量", "没测", "没查", "没做", "没有", "没那个", "没这个", "不知道", "不清楚", "记不得", "记不清", "忘了", "不会用",
        "没在家量", "没去量", "不晓得", "没得",
    ];

    public static DialogueCommand FromKeys(Phase phase, ScriptQuestion? q, string digits) => phase switch
    {
        Phase.Question when q is not null => AnswerReader.ReadKeys(q, digits) is { Kind: not ReadingKind.NotUnderstood } r
            ? new AnswerCommand(r) : NotUnderstood,
        Phase.Confirm => digits.TrimEnd('#') switch
        {
            "1" => new ConfirmCommand(true),
            "2" => new ConfirmCommand(false),
            _ => NotUnderstood,
        },
        _ => NotUnderstood,
    };

    public static DialogueCommand FromWords(Phase phase, ScriptQuestion? q, UtteranceUnderstanding u, double threshold)
    {
        // 自动留言 (5.3.5): a recorded greeting answers before anyone is identified.
        if (phase == Phase.Identity && AutoReply.Recognises(u.Text)) return new EndCommand(CallEnding.Voicemail);
        // A short 对/是的/没错 to a read-back confirms it, whatever the classifier made of it with a number question as
        // context (a filler, a low-confidence guess).
        if (phase == Phase.Confirm && q is not null && ShortAgreement(u.Text)) return new ConfirmCommand(true);
        // "是" / "是我" / "对" to "请问您是张三本人，还是家属呢？" is the patient (the classifier may be unsure of a bare 是).
        if (phase == Phase.Identity && ShortAgreement(u.Text)) return new IdentifyCallerCommand(false);
        if (phase == Phase.Question && NoAnswerToOptionalQuestion(q, u)) return NoAnswerToOptional;
        if (u.Intent == Intent.Filler) return Filler;
        if (u.Confidence < threshold) return NotUnderstood;
        var global = Global(u, phase is Phase.Question or Phase.Confirm ? q : null);
        if (global is not null) return global;
        return phase switch
        {
            Phase.Identity => u.Intent switch
            {
                Intent.IsPatient or Intent.Affirm => new IdentifyCallerCommand(false),
                Intent.FamilyMember => new IdentifyCallerCommand(true),
                Intent.Deny => new EndCommand(CallEnding.WrongNumber),
                _ => NotUnderstood,
            },
            Phase.Question when u.Intent == Intent.FamilyMember => new IdentifyCallerCommand(true),
            Phase.Question when q is not null => AnswerReader.Read(q, u) is { Kind: not ReadingKind.NotUnderstood } r
                ? new AnswerCommand(r) : NotUnderstood,
            Phase.Confirm when q is not null => Confirmation(q, u),
            Phase.Clarify => u.Intent switch
            {
                Intent.Affirm => new ClarifyCommand(SymptomStatus.Present),
                Intent.Deny => new ClarifyCommand(SymptomStatus.Absent),
                Intent.Uncertain => new ClarifyCommand(SymptomStatus.Uncertain),
                _ when u.Symptoms.Count > 0 => new ClarifyCommand(u.Symptoms[^1].Status),
                _ => NotUnderstood,
            },
            Phase.CallTime => new CallTimeCommand(u.CallBackAt),
            _ => NotUnderstood,
        };
    }

    private static DialogueCommand? Global(UtteranceUnderstanding u, ScriptQuestion? asked)
    {
        DialogueCommand? command = u.Intent switch
        {
            Intent.AskRepeat => Repeat,
            Intent.CallLater => new CallLaterCommand(u.CallBackAt),
            Intent.WrongNumber => new EndCommand(CallEnding.WrongNumber),
            Intent.Deceased => new EndCommand(CallEnding.Deceased),
            Intent.WhoAreYou => WhoAreYou,
            Intent.Question => new AskKnowledgeCommand(u.Text),
            Intent.WantPerson => new HandOffCommand(null, null),
            Intent.Refuse or Intent.Abuse => new EndCommand(CallEnding.Refused),
            _ => null,
        };
        if (command is not null) return command;
        return RedFlags.Alarming(u, asked) is var (flag, mention) ? new HandOffCommand(flag, mention) : null;
    }

    /// <summary>A read-back answered: 对/不对, or a corrected value ("不是，是37.5度").</summary>
    private static DialogueCommand Confirmation(ScriptQuestion q, UtteranceUnderstanding u)
    {
        if (q.Type != AnswerType.YesNo && u.Values.Count > 0
            && AnswerReader.Read(q, u) is { Kind: ReadingKind.Value or ReadingKind.OutOfRange } corrected)
            return new AnswerCommand(corrected);
        // A yes/no read-back ("您是说没有剧烈头痛，对吗？") is often answered by saying the answer again ("没有，挺好的"):
        // that is the answer restated, not a rejection of the read-back. Only 对/是的 (agree) and 不对/不是/错了 (reject)
        // speak about the read-back itself.
        // The same holds for a number or choice read back ("您是说体温36.8度，对吗？" — "对"): with the question as context
        // the understanding may take a bare 对 for a filler, so the words decide.
        if (AgreesWithReadBack(u.Text) && !RejectsReadBack(u.Text))
            return new ConfirmCommand(true);
        if (q.Type == AnswerType.YesNo && !RejectsReadBack(u.Text)
            && AnswerReader.Read(q, u) is { Kind: ReadingKind.Value } restated)
            return new AnswerCommand(restated);
        return u.Intent switch
        {
            Intent.Affirm => new ConfirmCommand(true),
            Intent.Deny => new ConfirmCommand(false),
            _ => NotUnderstood,
        };
    }

    /// <summary>An optional number/date/choice question ("没有可以不答") answered with "没量", "没有血氧仪", "不知道" and no
    /// value: the patient has nothing to tell, which is an answer, not a misunderstanding to ask about three times.</summary>
    private static bool NoAnswerToOptionalQuestion(ScriptQuestion? q, UtteranceUnderstanding u) =>
        q is { Required: false } && q.Type != AnswerType.YesNo
        && AnswerReader.Read(q, u).Kind == ReadingKind.NotUnderstood
        && NothingToTell.Any(w => u.Text.Contains(w, StringComparison.Ordinal));

    public static DialogueCommand ForSilence() => Silence;

    internal static bool ShortAgreement(string text)
    {
        var bare = new string(text.Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c)).ToArray()).TrimEnd('啊', '呀', '的', '吧', '哈');
        // only agreement words ("是有点" is an answer, not an agreement)
        return bare.Length is > 0 and <= 6 && bare.All(c => "对是嗯没错".Contains(c)) && !RejectsReadBack(bare)
            && (bare.Contains('对') || bare.Contains('是') || bare.Contains("没错", StringComparison.Ordinal));
    }

    private static bool AgreesWithReadBack(string text) =>
        text.StartsWith('对') || text.StartsWith('是') || text.StartsWith('嗯') || text.Contains("没错", StringComparison.Ordinal);

    private static bool RejectsReadBack(string text) =>
        text.Contains("不对", StringComparison.Ordinal) || text.Contains("不是", StringComparison.Ordinal)
        || (text.Contains('错') && !text.Contains("没错", StringComparison.Ordinal) && !text.Contains("不错", StringComparison.Ordinal))
        || text.Contains("说反", StringComparison.Ordinal);
}
