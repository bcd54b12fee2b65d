namespace Suifang.Agent.Dialogue;

/// <summary>The end of the call: the ending, the red-flag pass over the transcript, the outcome and its summary.</summary>
internal sealed partial class ScriptConversation
{
    private void Finish()
    {
        phase = Phase.Ended;
        var ending = endingNow ?? (skipped.Any(k => script.Questions.First(q => q.Key == k).Required)
            ? CallEnding.Partial
            : CallEnding.Completed);
        escalations.AddRange(RedFlagPass.Run(heard, SettledFlags(), handedOffFlags));
        final = Snapshot(ending);
    }

    /// <summary>Red flags a collected answer already records as present or uncertain: the script asked and the nurse sees it.</summary>
    private HashSet<string> SettledFlags()
    {
        var settled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in answers)
        {
            if (a.Value == "no") continue;
            var q = script.Questions.First(x => x.Key == a.QuestionKey);
            foreach (var flag in RedFlags.All)
                if (RedFlags.Asks(q, flag)) settled.Add(flag.Name);
        }
        return settled;
    }

    private ConversationOutcome Snapshot(CallEnding ending) => new()
    {
        Ending = ending,
        Answers = answers.ToArray(),
        Symptoms = symptoms.ToArray(),
        Escalations = escalations.ToArray(),
        CallBackAt = callBackAt,
        AnsweredByFamily = words.Family,
        Summary = SummaryWriter.Write(new SummaryFacts(script, words, ending, answers, skipped, skippedByMemory, escalations,
            callBackAt)),
    };
}
