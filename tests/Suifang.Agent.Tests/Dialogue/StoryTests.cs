using Suifang.Agent.Dialogue;
using Suifang.Agent.Scripts;

namespace Suifang.Agent.Tests.Dialogue;

/// <summary>Runs every story file in Dialogue/Stories against the dialogue engine with the table understander.</summary>
public sealed class StoryTests
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Dialogue");

    public static TheoryData<string> Stories()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Path.Combine(Root, "Stories"), "*.story.json").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(Stories))]
    public void Story_runs_as_written(string file)
    {
        var story = Story.Load(Path.Combine(Root, "Stories", file));
        var (conversation, _) = Start(story);
        var ended = false;
        for (var i = 0; i < story.Steps.Count; i++)
        {
            var step = story.Steps[i];
            Assert.False(ended, $"{file} step {i}: the call already ended");
            var turn = step.IsOpening ? conversation.Open() : conversation.Reply(step.Input);
            Check(file, i, step.Expect, turn);
            ended = turn.EndsCall;
        }
        if (story.Outcome is { } expected) CheckOutcome(file, expected, conversation.Outcome);
    }

    internal static (IConversation, TableUnderstander) Start(Story story)
    {
        var understander = TableUnderstander.FromFile(Path.Combine(Root, "Stories", "understanding.json"), story.Understanding);
        var engine = new DialogueEngine(understander, new TableKnowledge(story.Knowledge));
        var script = ScriptJson.LoadFile(Path.Combine(Root, "Scripts", story.Script + ".json"));
        return (engine.Start(script, story.ToSetup()), understander);
    }

    private static void Check(string file, int i, StoryExpect e, AgentTurn turn)
    {
        var at = $"{file} step {i}: agent said \"{turn.Say}\"";
        foreach (var c in e.Contains) Assert.True(turn.Say.Contains(c, StringComparison.Ordinal), $"{at}; expected to contain \"{c}\"");
        foreach (var c in e.NotContains) Assert.False(turn.Say.Contains(c, StringComparison.Ordinal), $"{at}; expected not to contain \"{c}\"");
        if (e.Question is { } q) Assert.True(q == turn.QuestionKey, $"{at}; expected question {q}, got {turn.QuestionKey}");
        if (e.Slow is { } slow) Assert.True(slow == turn.Slow, $"{at}; expected slow={slow}");
        if (e.Dtmf is { } dtmf) Assert.True(dtmf == turn.AcceptsDtmf, $"{at}; expected dtmf={dtmf}");
        Assert.True(e.Ends == turn.EndsCall, $"{at}; expected ends={e.Ends}");
    }

    private static void CheckOutcome(string file, StoryOutcome e, ConversationOutcome o)
    {
        var at = $"{file} outcome ({o.Summary})";
        Assert.True(e.Ending == o.Ending, $"{at}: ending {o.Ending}, expected {e.Ending}");
        foreach (var (key, value) in e.Answers)
            Assert.True(o.Answers.Any(a => a.QuestionKey == key && a.Value == value),
                $"{at}: expected {key}={value}, got {string.Join(", ", o.Answers.Select(a => a.QuestionKey + "=" + a.Value))}");
        foreach (var key in e.Unanswered) Assert.DoesNotContain(o.Answers, a => a.QuestionKey == key);
        foreach (var key in e.Confirmed) Assert.Contains(o.Answers, a => a.QuestionKey == key && a.Confirmed);
        if (e.Family is { } family) Assert.Equal(family, o.AnsweredByFamily);
        Assert.True(e.Escalations.Order().SequenceEqual(o.Escalations.Select(x => x.Kind).Order()),
            $"{at}: escalations {string.Join(", ", o.Escalations.Select(x => x.Kind))}, expected {string.Join(", ", e.Escalations)}");
        foreach (var kind in e.UrgentEscalations) Assert.Contains(o.Escalations, x => x.Kind == kind && x.Urgent);
        Assert.Equal(e.CallBackAt, o.CallBackAt);
        foreach (var s in e.SummaryContains) Assert.True(o.Summary.Contains(s, StringComparison.Ordinal), $"{at}: summary lacks \"{s}\"");
    }
}
