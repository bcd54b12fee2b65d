using Suifang.Agent.Dialogue;
using Suifang.Agent.Understanding;
using Suifang.Core.Sms;

namespace Suifang.Integrations.Sms;

/// Reads SMS replies with the voice agent's understanding (<see cref="IUnderstander"/>): the same symptom terms, negation
/// ("不发烧了", "伤口没事" are no complaint; "还是有点疼", "伤口没红，就是有点疼" are) and intents as an answer on the phone.
/// An opt-out is the SMS rule of its own (SmsReplies.IsOptOut: "TD", "T", "退订"…; or the word 退订 in a longer reply),
/// checked first because it stops all messages; a symptom comes before a wish to talk because it needs a nurse sooner.
public sealed class AgentSmsReplyReader(IUnderstander understander) : ISmsReplyReader
{
    private static readonly double Threshold = new DialogueOptions().ConfidenceThreshold;

    public SmsReplyKind Read(string text, DateTime now)
    {
        var t = (text ?? "").Trim();
        if (t.Length == 0)
            return SmsReplyKind.Other;
        if (SmsReplies.IsOptOut(t) || t.Contains("退订", StringComparison.Ordinal))
            return SmsReplyKind.OptOut;
        var u = understander.Understand(t, UnderstandingContext.Open(now));
        if (u.Symptoms.Any(s => s.Status is SymptomStatus.Present or SymptomStatus.Uncertain))
            return SmsReplyKind.Symptom;
        // Below the dialogue's own threshold an intent is "not understood" on the phone too ("伤口没事": Question 0.48).
        return u.Confidence >= Threshold && u.Intent is Intent.WantPerson or Intent.Question or Intent.CallLater
            ? SmsReplyKind.WantsToTalk
            : SmsReplyKind.Other;
    }
}
