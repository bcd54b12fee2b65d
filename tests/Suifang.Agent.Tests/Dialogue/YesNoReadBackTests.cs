using Suifang.Agent.Dialogue;
using Suifang.Agent.Scripts;
using Suifang.Agent.Understanding.Chinese;
using static Suifang.Agent.Tests.Dialogue.Calls;

namespace Suifang.Agent.Tests.Dialogue;

/// <summary>
/// A critical yes/no answer is read back ("您是说没有剧烈头痛，对吗？"). Patients often answer the read-back by saying the
/// answer again ("没有，挺好的"): that confirms it. Found in the demo, where such calls went round for 60 turns.
/// </summary>
public sealed class YesNoReadBackTests
{
    private static readonly ScriptQuestion Headache = new()
    {
        Key = "severe_headache", Text = "有没有突然很厉害的头痛，或者看东西模糊？", Label = "剧烈头痛", Symptom = "头痛", Confirm = true,
    };

    private static IConversation AtReadBack(string answer, out AgentTurn readBack)
    {
        var call = new DialogueEngine(ChineseUnderstander.Shared, TableKnowledge.Empty).Start(Script(Headache, Temperature), Setup());
        call.Open();
        call.Reply(PatientInput.Said("是我"));
        readBack = call.Reply(PatientInput.Said(answer));
        return call;
    }

    [Theory]
    [InlineData("没有，挺好的。")]
    [InlineData("没有。")]
    [InlineData("不会，没有这种情况。")]
    [InlineData("对，没有。")]
    public void Saying_no_again_to_a_no_read_back_confirms_it_and_the_call_moves_on(string restated)
    {
        var call = AtReadBack("没有，挺好的。", out var readBack);
        Assert.Contains("对吗", readBack.Say);

        var next = call.Reply(PatientInput.Said(restated));

        Assert.Equal("temperature", next.QuestionKey);
        var answer = Assert.Single(call.Outcome.Answers);
        Assert.Equal(("severe_headache", "no", true), (answer.QuestionKey, answer.Value, answer.Confirmed));
    }

    [Fact]
    public void Saying_not_right_to_a_read_back_asks_the_question_again()
    {
        var call = AtReadBack("没有，挺好的。", out _);

        var again = call.Reply(PatientInput.Said("不对。"));

        Assert.Equal("severe_headache", again.QuestionKey);
        Assert.Empty(call.Outcome.Answers);
    }

    [Fact]
    public void Saying_the_opposite_to_a_read_back_is_cleared_up_and_the_new_answer_kept()
    {
        var call = AtReadBack("没有，挺好的。", out _);

        var corrected = call.Reply(PatientInput.Said("有，前天疼得厉害。"));

        // The agent does not take either answer silently: it reads the new one back or asks which is right (7.3.1.2 c).
        Assert.True(corrected.Say.Contains("对吗") || corrected.Say.Contains("到底有没有"), corrected.Say);
        var turn = call.Reply(PatientInput.Said("有，是疼过。"));
        var said = new List<string> { corrected.Say, turn.Say };
        for (var i = 0; i < 2 && turn.QuestionKey != "temperature"; i++)
            said.Add((turn = call.Reply(PatientInput.Said("对。"))).Say);
        Assert.True(turn.QuestionKey == "temperature", string.Join(" | ", said));
        var kept = call.Outcome.Answers.Single(a => a.QuestionKey == "severe_headache");
        Assert.True(kept.Value == "yes", kept + " :: " + string.Join(" | ", said));
    }

    [Fact]
    public void Rejected_read_backs_never_go_round_for_ever()
    {
        var call = AtReadBack("没有，挺好的。", out _);

        for (var i = 0; i < 6 && call.Outcome.Answers.Count == 0; i++)
            call.Reply(PatientInput.Said(i % 2 == 0 ? "不对。" : "没有。"));

        var answer = Assert.Single(call.Outcome.Answers);
        Assert.False(answer.Confirmed);
    }
}
