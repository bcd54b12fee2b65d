using Suifang.Agent.Dialogue;
using Suifang.Agent.Knowledge;
using Suifang.Agent.Scripts;
using Suifang.Agent.Understanding.Chinese;

namespace Suifang.Agent.Tests.Dialogue;

/// Read-backs of numbers with the shipped understanding (found replaying data/eval/summaries.jsonl): with a number
/// question as context the classifier takes a bare "对" for a filler and "没错" for a denial; the read-back must still
/// be confirmed by them, not asked three times.
public sealed class ShippedUnderstandingReadBackTests
{
    [Theory]
    [InlineData("对")]
    [InlineData("对的")]
    [InlineData("是的")]
    [InlineData("没错")]
    [InlineData("嗯对")]
    public void Agreeing_with_a_temperature_read_back_confirms_it_and_moves_on(string agree)
    {
        using var knowledge = new KnowledgeIndex([]);
        var call = new DialogueEngine(ChineseUnderstander.Shared, knowledge).Start(Calls.Script(Calls.Temperature with { Confirm = true }, Calls.Fever), Calls.Setup());
        call.Open();
        call.Reply(PatientInput.Said("是我"));
        Assert.Contains("36.8", call.Reply(PatientInput.Said("三十六度八")).Say);
        var next = call.Reply(PatientInput.Said(agree));
        Assert.Equal("fever", next.QuestionKey);
        var answer = Assert.Single(call.Outcome.Answers);
        Assert.Equal(("temperature", "36.8", true), (answer.QuestionKey, answer.Value, answer.Confirmed));
    }

    [Fact]
    public void Rejecting_a_temperature_read_back_asks_again()
    {
        using var knowledge = new KnowledgeIndex([]);
        var call = new DialogueEngine(ChineseUnderstander.Shared, knowledge).Start(Calls.Script(Calls.Temperature with { Confirm = true }, Calls.Fever), Calls.Setup());
        call.Open();
        call.Reply(PatientInput.Said("是我"));
        call.Reply(PatientInput.Said("三十六度八"));
        var next = call.Reply(PatientInput.Said("不对"));
        Assert.Equal("temperature", next.QuestionKey);
        Assert.Empty(call.Outcome.Answers);
    }

    [Fact]
    public void Agreeing_with_a_no_read_back_does_not_count_as_having_the_symptom()
    {
        using var knowledge = new KnowledgeIndex([]);
        var jaundice = new Suifang.Agent.Scripts.ScriptQuestion { Key = "jaundice", Text = "皮肤或眼白有没有发黄？", Label = "皮肤眼睛发黄", Confirm = true };
        var call = new DialogueEngine(ChineseUnderstander.Shared, knowledge).Start(Calls.Script(jaundice, Calls.Fever), Calls.Setup());
        call.Open();
        call.Reply(PatientInput.Said("是我"));
        Assert.Contains("对吗", call.Reply(PatientInput.Said("没有")).Say);
        var next = call.Reply(PatientInput.Said("对"));
        Assert.Equal("fever", next.QuestionKey);
        Assert.DoesNotContain("到底", next.Say);
        Assert.DoesNotContain(call.Outcome.Symptoms, s => s.Term == "黄疸" && s.Status == Suifang.Agent.Understanding.SymptomStatus.Present);
        Assert.Equal(("jaundice", "no"), (call.Outcome.Answers[0].QuestionKey, call.Outcome.Answers[0].Value));
    }
}
