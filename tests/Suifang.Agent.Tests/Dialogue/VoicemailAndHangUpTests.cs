using Suifang.Agent.Dialogue;
using Suifang.Agent.Understanding;
using Suifang.Agent.Understanding.Chinese;
using static Suifang.Agent.Tests.Dialogue.Calls;

namespace Suifang.Agent.Tests.Dialogue;

/// <summary>5.3.5 connected classes 自动留言 (voicemail/auto reply) and 中断 (interrupted), with the real understanding.</summary>
public sealed class VoicemailAndHangUpTests
{
    private static IConversation Start(ConversationSetup? setup = null)
    {
        var engine = new DialogueEngine(ChineseUnderstander.Shared, TableKnowledge.Empty);
        var call = engine.Start(Script(Fever, Temperature), setup ?? Setup());
        call.Open();
        return call;
    }

    [Theory]
    [InlineData("您好，机主暂时无法接听，请在提示音后留言。")]
    [InlineData("您拨打的用户暂时无法接听，请在嘀声后留言，留言完毕请挂机。")]
    [InlineData("欢迎使用语音信箱，请留言。")]
    [InlineData("您好，我是机主的智能助理，他现在不方便接听电话，有什么事可以跟我说，我会帮您转告。")]
    [InlineData("你好，我现在不方便接电话，有事请留言，我看到后会尽快回复你。")]
    [InlineData("您好，我是小爱通话助理，机主现在没空，请问您有什么事？")]
    [InlineData("您好，鸡主暂时无法接听，请在提示音后流言。")]
    [InlineData("Hello, I'm not available to take your call, please leave a message after the tone.")]
    public void A_recorded_greeting_at_the_identity_check_ends_as_voicemail_after_a_short_message(string greeting)
    {
        var call = Start();
        var turn = call.Reply(PatientInput.Said(greeting));
        Assert.True(turn.EndsCall);
        Assert.Equal(CallEnding.Voicemail, call.Outcome.Ending);
        Assert.Contains("第一人民医院", turn.Say);
        Assert.Empty(call.Outcome.Answers);
    }

    [Fact]
    public void The_voicemail_message_gives_the_call_back_number_when_one_is_configured_and_no_health_details()
    {
        var call = Start(Setup() with { CallBackNumber = "0571-87654321" });
        var turn = call.Reply(PatientInput.Said("您好，机主暂时无法接听，请在提示音后留言。"));
        Assert.Contains("回电0571-87654321", turn.Say);
        Assert.DoesNotContain("心内科", turn.Say);
        Assert.DoesNotContain("发烧", turn.Say);
    }

    [Theory]
    [InlineData("是我，你说吧。")]
    [InlineData("我是他女儿，有什么事跟我说，我会转告他。")]
    [InlineData("我现在不方便，你晚点再打吧。")]
    public void A_person_who_answers_is_not_taken_for_a_voicemail(string said)
    {
        var call = Start();
        call.Reply(PatientInput.Said(said));
        Assert.NotEqual(CallEnding.Voicemail, call.Outcome.Ending);
    }

    [Fact]
    public void A_patient_who_hangs_up_midway_ends_interrupted_with_the_answers_so_far()
    {
        var call = Start();
        call.Reply(PatientInput.Said("是我。"));
        call.Reply(PatientInput.Said("没有发烧。"));
        var outcome = call.HungUp();
        Assert.Equal(CallEnding.Interrupted, outcome.Ending);
        Assert.Equal(CallEnding.Interrupted, call.Outcome.Ending);
        Assert.Contains(outcome.Answers, a => a.QuestionKey == "fever" && a.Value == "no");
        Assert.Contains("通话中断", outcome.Summary);
    }

    [Fact]
    public void A_hang_up_after_the_agent_ended_the_call_keeps_its_ending()
    {
        var call = Start();
        call.Reply(PatientInput.Said("您好，机主暂时无法接听，请在提示音后留言。"));
        Assert.Equal(CallEnding.Voicemail, call.HungUp().Ending);
    }
}
