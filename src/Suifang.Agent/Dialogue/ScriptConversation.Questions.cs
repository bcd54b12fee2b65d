using Suifang.Agent.Scripts;
using Suifang.Agent.Understanding;

namespace Suifang.Agent.Dialogue;

/// <summary>The script's own flow: identity check, questions, read-backs, branches, memory, closing.</summary>
internal sealed partial class ScriptConversation
{
    private AgentTurn OnIdentity(DialogueCommand command)
    {
        if (command is IdentifyCallerCommand who)
        {
            words.Family = who.Family;
            if (who.Family && heard.Count > 0) words.Relation = Wording.RelationIn(heard[^1].Text);
            return Next(who.Family ? Phrases.StartFamily : Phrases.Start);
        }
        if (++attempts >= options.MaxAttempts) return End(CallEnding.NoResponse, Phrases.SilenceEnd);
        lastPrompt = words.Fill(Phrases.AskAgainIdentity);
        return Say(lastPrompt, slow: attempts > 1);
    }

    private AgentTurn OnAnswer(DialogueCommand command, string said)
    {
        var q = Current!;
        switch (command)
        {
            case IdentifyCallerCommand:
                words.Family = true;
                words.Relation ??= Wording.RelationIn(said);
                return Ask(q, Phrases.Ok, plainer: false);
            case AnswerCommand { Reading: { Kind: ReadingKind.Value, Value: { } value } }:
                if (q.Confirm && value != "uncertain") return AskConfirm(q, value, said, "");
                return Record(q, value, said, confirmed: false);
            case AnswerCommand { Reading.Kind: ReadingKind.OutOfRange }:
                if (++outOfRange >= 2) return Skip(q);
                return Ask(q, Phrases.SayAgainNumber, plainer: false);
            case NoAnswerToOptionalCommand:
                return Skip(q);
            case FillerCommand when ++fillers <= 2:
                return q.Type == AnswerType.YesNo
                    ? Say(Phrases.FillerYesNo, keys: AnswerReader.TakesKeys(q), key: q.Key)
                    : Ask(q, Phrases.FillerOther, plainer: false);
            default:
                if (++attempts >= options.MaxAttempts) return Skip(q);
                return Ask(q, Phrases.NotUnderstood, plainer: true, offerKeys: true);
        }
    }

    private AgentTurn OnConfirm(DialogueCommand command, string said)
    {
        var q = Current!;
        switch (command)
        {
            case ConfirmCommand { Yes: true }:
                return Record(q, candidate!, candidateSaid, confirmed: true);
            case ConfirmCommand { Yes: false }:
                // Rejected read-backs are bounded: after the third the answer is kept unconfirmed for the nurse to check,
                // never asked round and round.
                if (++confirmRounds > 3) return Record(q, candidate!, candidateSaid, confirmed: false);
                phase = Phase.Question;
                return Ask(q, Phrases.ConfirmAgain, plainer: false);
            case AnswerCommand { Reading: { Kind: ReadingKind.Value, Value: { } same } } when same == candidate:
                // Saying the value again ("三十八度六") is how many people confirm a read-back.
                return Record(q, candidate!, candidateSaid, confirmed: true);
            case AnswerCommand { Reading: { Kind: ReadingKind.Value, Value: { } corrected } }:
                if (++confirmRounds > 2) return Record(q, corrected, said, confirmed: false);
                return AskConfirm(q, corrected, said, "好的，");
            case AnswerCommand { Reading.Kind: ReadingKind.OutOfRange }:
                phase = Phase.Question;
                return OnAnswer(command, said);
            default:
                if (++attempts >= options.MaxAttempts) return Record(q, candidate!, candidateSaid, confirmed: false);
                return Say(lastPrompt, slow: true, keys: true, key: q.Key);
        }
    }

    private AgentTurn AskConfirm(ScriptQuestion q, string value, string said, string prefix)
    {
        phase = Phase.Confirm;
        candidate = value;
        candidateSaid = said;
        if (confirmRounds == 0) confirmRounds = 1;
        lastPrompt = "您是说" + words.ReadBack(q, value) + Phrases.ConfirmTail;
        return Say(prefix + lastPrompt, keys: true, key: q.Key);
    }

    private AgentTurn Record(ScriptQuestion q, string value, string said, bool confirmed)
    {
        answers.RemoveAll(a => a.QuestionKey == q.Key);
        answers.Add(new CollectedAnswer(q.Key, value, said, turn, confirmed));
        if (q is { Type: AnswerType.YesNo, Symptom: { } term })
            AddFact(new SymptomFact(term, value switch
            {
                "yes" => SymptomStatus.Present,
                "no" => SymptomStatus.Absent,
                _ => SymptomStatus.Uncertain,
            }, said, turn, q.Key));
        var branch = BranchMatcher.Match(q, value);
        return Next(branch?.Say is { } say ? words.Ask(say) : Phrases.Ok, branch?.Goto);
    }

    private AgentTurn Skip(ScriptQuestion q)
    {
        skipped.Add(q.Key);
        return Next(Phrases.Skip);
    }

    /// <summary>Moves to the next question (or <paramref name="gotoKey"/>), skipping what this period already answered.</summary>
    private AgentTurn Next(string prefix, string? gotoKey = null)
    {
        var questions = script.Questions;
        var i = gotoKey switch
        {
            null => index + 1,
            "closing" => questions.Count,
            _ => IndexOf(gotoKey) is var at and >= 0 ? at : index + 1,
        };
        for (var hops = 0; i < questions.Count && AnsweredThisPeriod(questions[i]) is { } same && hops <= questions.Count; hops++)
        {
            skippedByMemory.Add(questions[i].Key);
            var jump = BranchMatcher.Match(questions[i], same.Value)?.Goto;
            i = jump == "closing" ? questions.Count : jump is not null && IndexOf(jump) is var to and >= 0 ? to : i + 1;
        }
        if (i >= questions.Count)
        {
            index = questions.Count;
            return new AgentTurn(prefix + words.Fill(script.Closing), slowMode, EndsCall: true);
        }
        index = i;
        phase = Phase.Question;
        attempts = fillers = outOfRange = confirmRounds = 0;
        candidate = null;
        var q = questions[i];
        if (Earlier(q) is { } earlier)
        {
            var recall = words.Recall(earlier, q);
            lastPrompt = q.Type == AnswerType.YesNo ? recall + "，现在怎么样了？" : recall + "。" + words.Ask(q.Text);
            return Say(prefix + lastPrompt, keys: AnswerReader.TakesKeys(q), key: q.Key);
        }
        var hard = q.Dtmf.Count > 0 && q.Type is AnswerType.Choice or AnswerType.Score;
        return Ask(q, prefix, plainer: false, offerKeys: hard);
    }

    private AgentTurn Ask(ScriptQuestion q, string prefix, bool plainer, bool offerKeys = false)
    {
        lastPrompt = plainer ? words.Plainer(q) : words.Ask(q.Text);
        var hint = offerKeys && AnswerReader.TakesKeys(q) ? KeyHint(q) : "";
        return Say(prefix + lastPrompt + hint, slow: plainer, keys: AnswerReader.TakesKeys(q), key: q.Key);
    }

    /// <summary>"也可以按键：有请按1，没有请按2。"</summary>
    private static string KeyHint(ScriptQuestion q)
    {
        if (q.Dtmf.Count == 0) return Phrases.DtmfNumber;
        var yesNo = q.Text.Contains("有没有") || q.Text.Contains("有无");
        var keys = string.Join("，", q.Dtmf.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => (k.Value switch
        {
            "yes" => yesNo ? "有" : "是",
            "no" => yesNo ? "没有" : "不是",
            "uncertain" => "说不好",
            var v => v,
        }) + "请按" + k.Key));
        return Phrases.DtmfYesNo.Replace("{keys}", keys);
    }

    private int IndexOf(string key)
    {
        for (var i = 0; i < script.Questions.Count; i++)
            if (script.Questions[i].Key == key) return i;
        return -1;
    }

    /// <summary>The answer this period already has (7.3.2: not asked again), if any.</summary>
    private RememberedAnswer? AnsweredThisPeriod(ScriptQuestion q)
    {
        if (setup.Period is not { } period) return null;
        RememberedAnswer? latest = null;
        foreach (var a in setup.Memory.Answers)
            if (a.QuestionKey == q.Key && a.Period == period && (latest is null || a.At >= latest.At)) latest = a;
        return latest;
    }

    /// <summary>The latest earlier answer worth referring to (7.3.2): one that was not a plain "no".</summary>
    private RememberedAnswer? Earlier(ScriptQuestion q)
    {
        RememberedAnswer? latest = null;
        foreach (var a in setup.Memory.Answers)
            if (a.QuestionKey == q.Key && a.Period != setup.Period && (latest is null || a.At >= latest.At)) latest = a;
        return latest is { Value: not ("no" or "") } ? latest : null;
    }
}
