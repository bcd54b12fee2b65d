using Suifang.Agent.Dialogue;
using Suifang.Agent.Knowledge;
using Suifang.Agent.Scripts;
using Suifang.Agent.Understanding;
using Suifang.Agent.Understanding.Chinese;

namespace Suifang.Agent.Tests.Dialogue;

/// A little blood-tinged ooze from the wound ("刀口渗了点血水") is an abnormal finding for a same-day nurse review: the call
/// goes on and the answer is recorded (the pathway's trigger makes the to-do). Heavy bleeding ("血止不住", "纱布都湿透了",
/// "流了很多血") is urgent: the agent hands over at once.
public sealed class WoundBleedingTests
{
    private static readonly ScriptQuestion Discharge = new()
    {
        Key = "wound_discharge", Text = "伤口有没有渗液、流脓或者渗血？", Note = "伤口渗液渗血",
    };

    private static IConversation Call(string said)
    {
        using var knowledge = new KnowledgeIndex([]);
        var call = new DialogueEngine(ChineseUnderstander.Shared, knowledge).Start(Calls.Script(Discharge, Calls.Fever), Calls.Setup());
        call.Open();
        call.Reply(PatientInput.Said("是我"));
        call.Reply(PatientInput.Said(said));
        return call;
    }

    [Theory]
    [InlineData("刀口渗了点血水")]
    [InlineData("伤口有点渗血")]
    public void A_little_ooze_is_recorded_as_a_wound_finding_and_the_call_goes_on(string said)
    {
        var call = Call(said);
        Assert.Equal(("wound_discharge", "yes"), (call.Outcome.Answers[0].QuestionKey, call.Outcome.Answers[0].Value));
        call.Reply(PatientInput.Said("没有发烧"));
        Assert.Equal(CallEnding.Completed, call.Outcome.Ending);
        Assert.DoesNotContain(call.Outcome.Escalations, e => e.Urgent);
    }

    [Theory]
    [InlineData("刀口的血止不住")]
    [InlineData("纱布都湿透了 全是血")]
    [InlineData("伤口流了很多血")]
    public void Heavy_bleeding_hands_over_at_once_as_urgent(string said)
    {
        var call = Call(said);
        Assert.Equal(CallEnding.HandedOff, call.Outcome.Ending);
        Assert.Contains(call.Outcome.Escalations, e => e.Urgent);
    }

    [Fact]
    public void The_ooze_is_understood_as_wound_bleeding_not_the_red_flag_bleeding()
    {
        var u = ChineseUnderstander.Shared.Understand("刀口渗了点血水",
            new UnderstandingContext(Discharge, Calls.Now, []));
        Assert.Contains(u.Symptoms, s => s.Term == "伤口出血" && s.Status == SymptomStatus.Present);
        Assert.DoesNotContain(u.Symptoms, s => s.Term == "出血");
    }
}
