using Suifang.Agent.Dialogue;
using Suifang.Agent.Understanding;
using static Suifang.Agent.Tests.Dialogue.Calls;

namespace Suifang.Agent.Tests.Dialogue;

/// <summary>The handling that applies at every step of a call (issue #4 "Global handling").</summary>
public sealed class GlobalHandlingTests
{
    [Fact]
    public void Silence_is_reprompted_with_the_pending_question_then_the_call_ends_politely()
    {
        var (call, _) = AtFirstQuestion(Script(), [], options: new DialogueOptions(MaxSilences: 2));
        var first = call.Reply(PatientInput.Silence);
        Assert.Contains("您有没有发烧", first.Say);
        Assert.False(first.EndsCall);
        var last = call.Reply(PatientInput.Silence);
        Assert.True(last.EndsCall);
        Assert.Equal(CallEnding.NoResponse, call.Outcome.Ending);
    }

    [Fact]
    public void Silence_after_some_answers_ends_as_partial()
    {
        var (call, _) = AtFirstQuestion(Script(), [U("没有", Intent.Deny)]);
        call.Reply(PatientInput.Said("没有"));
        for (var i = 0; i < 3; i++) call.Reply(PatientInput.Silence);
        Assert.Equal(CallEnding.Partial, call.Outcome.Ending);
        Assert.Single(call.Outcome.Answers);
    }

    [Fact]
    public void Please_repeat_during_the_identity_check_says_it_again_slower()
    {
        var (call, _) = Opened(Script(), [U("啊？大声点", Intent.AskRepeat)]);
        var turn = call.Reply(PatientInput.Said("啊？大声点"));
        Assert.True(turn.Slow);
        Assert.Contains("张先生本人或者家属", turn.Say);
    }

    [Fact]
    public void Call_later_with_a_named_time_ends_with_a_call_back_at_that_time()
    {
        var at = Now.AddDays(1).AddHours(-1);
        var (call, _) = AtFirstQuestion(Script(), [U("明天上午九点打吧", Intent.CallLater) with { CallBackAt = at }]);
        var turn = call.Reply(PatientInput.Said("明天上午九点打吧"));
        Assert.True(turn.EndsCall);
        Assert.Contains("明天上午9点", turn.Say);
        Assert.Equal(CallEnding.CallLater, call.Outcome.Ending);
        Assert.Equal(at, call.Outcome.CallBackAt);
    }

    [Fact]
    public void Call_later_without_any_time_ends_and_leaves_the_time_to_the_redial_policy()
    {
        var (call, _) = AtFirstQuestion(Script(), [U("在开车", Intent.CallLater), U("不知道", Intent.Uncertain)]);
        Assert.Contains("什么时候方便", call.Reply(PatientInput.Said("在开车")).Say);
        var turn = call.Reply(PatientInput.Said("不知道"));
        Assert.True(turn.EndsCall);
        Assert.Equal(CallEnding.CallLater, call.Outcome.Ending);
        Assert.Null(call.Outcome.CallBackAt);
    }

    [Theory]
    [InlineData(Intent.WrongNumber, CallEnding.WrongNumber, "打扰您了")]
    [InlineData(Intent.Deceased, CallEnding.Deceased, "节哀")]
    [InlineData(Intent.Refuse, CallEnding.Refused, "不打扰您了")]
    [InlineData(Intent.Abuse, CallEnding.Refused, "不打扰您了")]
    public void Ending_intents_end_the_call_with_care_at_any_question(Intent intent, CallEnding ending, string words)
    {
        var (call, _) = AtFirstQuestion(Script(), [U("……", intent)]);
        var turn = call.Reply(PatientInput.Said("……"));
        Assert.True(turn.EndsCall);
        Assert.Contains(words, turn.Say);
        Assert.Equal(ending, call.Outcome.Ending);
    }

    [Fact]
    public void Low_confidence_is_not_acted_on_but_asked_again()
    {
        var (call, _) = AtFirstQuestion(Script(), [U("打…错…", Intent.WrongNumber, confidence: 0.3)]);
        var turn = call.Reply(PatientInput.Said("打…错…"));
        Assert.False(turn.EndsCall);
        Assert.Contains("没有听明白", turn.Say);
        Assert.Equal("fever", turn.QuestionKey);
    }

    [Fact]
    public void Who_are_you_names_the_hospital_and_asks_the_pending_question_again()
    {
        var (call, _) = AtFirstQuestion(Script(), [U("你谁啊", Intent.WhoAreYou)]);
        var turn = call.Reply(PatientInput.Said("你谁啊"));
        Assert.Contains("第一人民医院心内科的AI智能随访助手", turn.Say);
        Assert.EndsWith("您有没有发烧？", turn.Say);
        Assert.Equal("fever", turn.QuestionKey);
    }

    [Fact]
    public void A_question_with_a_knowledge_base_answer_is_answered_then_the_call_resumes()
    {
        var (call, _) = AtFirstQuestion(Script(), [U("药饭前吃还是饭后吃", Intent.Question)],
            new Dictionary<string, string> { ["药饭前吃还是饭后吃"] = "阿司匹林肠溶片饭前吃。" });
        var turn = call.Reply(PatientInput.Said("药饭前吃还是饭后吃"));
        Assert.StartsWith("阿司匹林肠溶片饭前吃。我们接着说，", turn.Say);
        Assert.Empty(call.Outcome.Escalations);
    }

    [Fact]
    public void A_question_the_knowledge_base_cannot_answer_gets_a_nurse_call_back_and_no_made_up_answer()
    {
        var (call, _) = AtFirstQuestion(Script(), [U("能喝酒吗", Intent.Question)]);
        var turn = call.Reply(PatientInput.Said("能喝酒吗"));
        Assert.Equal(Phrases.NurseWillCall + Phrases.Resume + "您有没有发烧？", turn.Say);
        var e = Assert.Single(call.Outcome.Escalations);
        Assert.Equal(("unanswered-question", false), (e.Kind, e.Urgent));
    }

    [Fact]
    public void Wanting_a_person_ends_with_a_promise_and_an_urgent_handoff()
    {
        var (call, _) = AtFirstQuestion(Script(), [U("转人工", Intent.WantPerson)]);
        Assert.True(call.Reply(PatientInput.Said("转人工")).EndsCall);
        Assert.Equal(CallEnding.HandedOff, call.Outcome.Ending);
        var e = Assert.Single(call.Outcome.Escalations);
        Assert.Equal(("handoff", true), (e.Kind, e.Urgent));
    }

    [Fact]
    public void An_alarming_symptom_the_question_is_not_about_hands_off_urgently()
    {
        var said = Symptom("没发烧，就是憋得喘不上气", "呼吸困难", "喘不上气", SymptomStatus.Present, Intent.Deny);
        var (call, _) = AtFirstQuestion(Script(), [said]);
        var turn = call.Reply(PatientInput.Said(said.Text));
        Assert.True(turn.EndsCall);
        Assert.Contains("120", turn.Say);
        Assert.Equal(CallEnding.HandedOff, call.Outcome.Ending);
        Assert.Equal(["handoff"], call.Outcome.Escalations.Select(e => e.Kind));
    }

    [Fact]
    public void A_red_flag_the_current_question_asks_about_is_an_answer_not_a_handoff()
    {
        var said = Symptom("有，胸口疼", "胸痛", "胸口疼", SymptomStatus.Present, Intent.Affirm);
        var (call, _) = AtFirstQuestion(Script(ChestPain, Fever), [said]);
        var turn = call.Reply(PatientInput.Said(said.Text));
        Assert.False(turn.EndsCall);
        Assert.Equal("fever", turn.QuestionKey);
        Assert.Equal("yes", Assert.Single(call.Outcome.Answers).Value);
    }

    [Fact]
    public void A_question_not_understood_three_times_is_skipped_and_the_call_is_partial()
    {
        var (call, _) = AtFirstQuestion(Script(Fever), [U("呃那个", Intent.Unknown, 0.1)]);
        var second = call.Reply(PatientInput.Said("呃那个"));
        Assert.True(second.Slow);
        Assert.Contains("有请按1", second.Say);
        call.Reply(PatientInput.Said("呃那个"));
        var end = call.Reply(PatientInput.Said("呃那个"));
        Assert.True(end.EndsCall);
        Assert.Contains("先跳过", end.Say);
        Assert.Equal(CallEnding.Partial, call.Outcome.Ending);
    }

    [Fact]
    public void A_third_filler_in_a_row_counts_as_not_understood()
    {
        var (call, _) = AtFirstQuestion(Script(), [U("嗯", Intent.Filler)]);
        Assert.Equal(Phrases.FillerYesNo, call.Reply(PatientInput.Said("嗯")).Say);
        Assert.Equal(Phrases.FillerYesNo, call.Reply(PatientInput.Said("嗯")).Say);
        Assert.Contains("没有听明白", call.Reply(PatientInput.Said("嗯")).Say);
        Assert.Empty(call.Outcome.Answers);
    }

    [Fact]
    public void A_call_that_goes_on_too_long_is_closed()
    {
        var (call, _) = AtFirstQuestion(Script(), [U("嗯", Intent.Filler)], options: new DialogueOptions(MaxTurns: 2));
        call.Reply(PatientInput.Said("嗯"));
        Assert.True(call.Reply(PatientInput.Said("嗯")).EndsCall);
        Assert.Equal(CallEnding.NoResponse, call.Outcome.Ending);
    }

    [Fact]
    public void Replying_after_the_call_ended_is_a_programming_error()
    {
        var (call, _) = AtFirstQuestion(Script(), [U("打错了", Intent.WrongNumber)]);
        call.Reply(PatientInput.Said("打错了"));
        Assert.Throws<InvalidOperationException>(() => call.Reply(PatientInput.Said("打错了")));
    }

    [Fact]
    public void Understanding_gets_the_question_asked_and_the_terms_mentioned_before()
    {
        var fever = Symptom("发烧了", "发热", "发烧", SymptomStatus.Present, Intent.Affirm);
        var (call, understander) = AtFirstQuestion(Script(), [fever, Number("38度", 38)]);
        call.Reply(PatientInput.Said("发烧了"));
        call.Reply(PatientInput.Said("38度"));
        var last = understander.Contexts[^1];
        Assert.Equal("temperature", last.Question?.Key);
        Assert.Equal(["发热"], last.Mentioned);
        Assert.Equal(Now, last.Now);
    }

    [Fact]
    public void A_family_member_who_says_so_mid_call_hears_the_questions_about_the_patient()
    {
        var (call, _) = AtFirstQuestion(Script(), [U("我是他老伴", Intent.FamilyMember)]);
        var turn = call.Reply(PatientInput.Said("我是他老伴"));
        Assert.Equal("好的。他有没有发烧？", turn.Say);
        Assert.Equal("fever", turn.QuestionKey);
        Assert.True(call.Outcome.AnsweredByFamily);
    }
}
