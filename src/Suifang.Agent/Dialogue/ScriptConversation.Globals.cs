using Suifang.Agent.Understanding;

namespace Suifang.Agent.Dialogue;

/// <summary>Handling that applies at every step: silence, repeat, call later, asides, hand-off, clarification, the end.</summary>
internal sealed partial class ScriptConversation
{
    private AgentTurn OnSilence()
    {
        if (++silences >= options.MaxSilences)
            return End(answers.Count > 0 ? CallEnding.Partial : CallEnding.NoResponse, Phrases.SilenceEnd);
        var call = silences == 1 ? Phrases.SilenceFirst : words.Fill(Phrases.SilenceSecond);
        return Say(call + lastPrompt, slow: silences > 1, keys: phase == Phase.Question && AnswerReader.TakesKeys(Current!),
            key: Current?.Key);
    }

    /// <summary>"没听清/再说一遍": the same prompt again, slower; a question is rephrased more plainly.</summary>
    private AgentTurn OnRepeat()
    {
        slowMode = ++repeats >= 2;
        if (phase == Phase.Question && Current is { } q)
            return Ask(q, "", plainer: true, offerKeys: true);
        return Say(lastPrompt, slow: true, keys: phase == Phase.Confirm, key: Current?.Key);
    }

    private AgentTurn AskCallTime()
    {
        phase = Phase.CallTime;
        lastPrompt = Phrases.AskCallTime;
        return Say(lastPrompt);
    }

    private AgentTurn CallBack(DateTime at) =>
        End(CallEnding.CallLater, Phrases.CallLaterAt.Replace("{time}", words.SpokenTime(at)), at);

    /// <summary>Something said outside the flow, then the pending prompt again.</summary>
    private AgentTurn Aside(string text) =>
        Say(text + Phrases.Resume + lastPrompt, keys: phase == Phase.Question && AnswerReader.TakesKeys(Current!),
            key: phase is Phase.Question or Phase.Confirm ? Current?.Key : null);

    /// <summary>A patient's question: answered from the knowledge base only (7.3.2.2), never made up.</summary>
    private AgentTurn OnQuestion(string question)
    {
        if (knowledge.Find(question, setup.Department) is { } hit)
            return Aside(hit.Answer.TrimEnd() + (hit.Answer.TrimEnd().EndsWith('。') ? "" : "。"));
        escalations.Add(new Escalation("unanswered-question", $"患者提问，知识库没有答案：{question}", question, turn, Urgent: false));
        return Aside(Phrases.NurseWillCall);
    }

    private AgentTurn OnHandOff(HandOffCommand h)
    {
        var said = heard.Count > 0 ? heard[^1].Text : "";
        if (h.Alarming is { } flag)
        {
            handedOffFlags.Add(flag.Name);
            escalations.Add(new Escalation("handoff", $"通话中说到{flag.Name}（{h.Mention?.Surface}），已答应请医生尽快回电。",
                said, turn, Urgent: true));
            return End(CallEnding.HandedOff, Phrases.Alarming.Replace("{symptom}", flag.Name));
        }
        escalations.Add(new Escalation("handoff", "患者要求转人工，已答应请护士尽快回电。", said, turn, Urgent: true));
        return End(CallEnding.HandedOff, Phrases.HandOff);
    }

    private Phase resumePhase;
    private AgentTurn? resumeTurn;
    private Contradiction? clarifying;

    /// <summary>7.3.1.2 c: an answer contradicts an earlier one — ask before going on.</summary>
    private AgentTurn StartClarify(Contradiction c, AgentTurn pending)
    {
        resumePhase = phase;
        resumeTurn = pending;
        clarifying = c;
        phase = Phase.Clarify;
        var term = c.Before.Term;
        var before = (c.Before.Status == SymptomStatus.Present ? "有" : "没有") + term;
        var now = c.Now.Said.Length > 2 ? c.Now.Said : (c.Now.Status == SymptomStatus.Present ? "有" : "没有") + term;
        lastPrompt = Phrases.Clarify.Replace("{before}", before).Replace("{now}", now).Replace("{term}", term);
        return Say(lastPrompt);
    }

    private AgentTurn OnClarify(DialogueCommand command, string said)
    {
        var c = clarifying!;
        var status = command is ClarifyCommand cc ? cc.Status : SymptomStatus.Uncertain;
        contradictions.Settle(new SymptomFact(c.Before.Term, status, said, turn, c.Before.QuestionKey ?? c.Now.QuestionKey));
        var key = c.Before.QuestionKey ?? c.Now.QuestionKey;
        var value = status switch { SymptomStatus.Present => "yes", SymptomStatus.Absent => "no", _ => "uncertain" };
        var i = key is null ? -1 : answers.FindIndex(a => a.QuestionKey == key);
        if (i >= 0) answers[i] = answers[i] with { Value = value, Said = said, Turn = turn, Confirmed = status != SymptomStatus.Uncertain };
        if (status == SymptomStatus.Uncertain)
            escalations.Add(new Escalation("contradiction",
                $"{c.Before.Term}前后说法不一致：先说“{c.Before.Said}”，后说“{c.Now.Said}”，澄清时仍说不清。", said, turn, Urgent: false));
        phase = resumePhase;
        clarifying = null;
        // The contradiction came up while an answer to this question was being read back: the clarified answer is the
        // confirmed one (the patient just said it plainly), so it is kept and the call moves on.
        if (phase == Phase.Confirm && Current is { } asked && asked.Key == key && status != SymptomStatus.Uncertain)
            return Record(asked, value, said, confirmed: true);
        var pending = resumeTurn!;
        if (phase == Phase.Question || phase == Phase.Confirm) lastPrompt = StripPrefix(pending.Say);
        return pending with { Say = Phrases.Ok + StripPrefix(pending.Say) };
    }

    /// <summary>The pending turn without its acknowledgement: after a clarification only "好的。" leads in.</summary>
    private static string StripPrefix(string say)
    {
        foreach (var lead in (ReadOnlySpan<string>)[Phrases.Ok, Phrases.NotUnderstood])
            if (say.StartsWith(lead, StringComparison.Ordinal)) say = say[lead.Length..];
        return say;
    }
}
