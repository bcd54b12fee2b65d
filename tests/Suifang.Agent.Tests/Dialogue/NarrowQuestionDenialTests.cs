using Suifang.Agent.Dialogue;
using Suifang.Agent.Knowledge;
using Suifang.Agent.Scripts;
using Suifang.Agent.Tests.EvalData;
using Suifang.Agent.Understanding.Chinese;

namespace Suifang.Agent.Tests.Dialogue;

/// A patient breathless on exertion says yes to "气短、喘不上气" and no to "坐着或躺着不动也喘吗": the no denies only the
/// narrower case, so it is no contradiction to clarify (7.3.1.2 c) and no urgent hand-over — found replaying
/// data/eval/summaries.jsonl (sum-0009, sum-0010, sum-0018) with the shipped understanding.
public sealed class NarrowQuestionDenialTests
{
    private static readonly KnowledgeIndex NoKnowledge = new([]);

    private static IConversation StartCopd(out Script script)
    {
        script = ScriptJson.LoadFile(EvalFiles.PathOf(Path.Combine(SummaryReplayTests.Templates, "copd-discharge.json")));
        var call = new DialogueEngine(ChineseUnderstander.Shared, NoKnowledge).Start(script, Calls.Setup());
        call.Open();
        return call;
    }

    [Theory]
    [InlineData("爬楼的时候喘", "躺着不喘")]
    [InlineData("比以前喘一点", "不动就不喘")]
    [InlineData("有 走快了就喘", "没有")]
    public void Breathless_on_exertion_but_not_at_rest_goes_on_to_the_next_question(string exertion, string atRest)
    {
        var call = StartCopd(out _);
        call.Reply(PatientInput.Said("是我"));
        Assert.Equal("breathlessness_at_rest", call.Reply(PatientInput.Said(exertion)).QuestionKey);
        var readBack = call.Reply(PatientInput.Said(atRest));
        Assert.DoesNotContain("刚才", readBack.Say);               // no "刚才您说……" clarification
        var next = call.Reply(PatientInput.Said("对"));
        Assert.Equal("cough", next.QuestionKey);
        Assert.False(next.EndsCall);
        Assert.Empty(call.Outcome.Escalations);
        Assert.Contains(call.Outcome.Answers, a => a is { QuestionKey: "breathlessness", Value: "yes" });
        Assert.Contains(call.Outcome.Answers, a => a is { QuestionKey: "breathlessness_at_rest", Value: "no" });
        Assert.DoesNotContain(call.Outcome.Symptoms, m => m is { Term: "呼吸困难", Status: Suifang.Agent.Understanding.SymptomStatus.Absent });
    }

    [Fact]
    public void A_no_to_the_main_question_still_denies_the_symptom_and_breathlessness_said_later_is_still_urgent()
    {
        var call = StartCopd(out _);
        call.Reply(PatientInput.Said("是我"));
        Assert.Equal("cough", call.Reply(PatientInput.Said("不喘")).QuestionKey);
        Assert.Contains(call.Outcome.Symptoms, m => m is { Term: "呼吸困难", Status: Suifang.Agent.Understanding.SymptomStatus.Absent });
        var reply = call.Reply(PatientInput.Said("咳嗽没加重 不过坐着也喘不上气"));
        Assert.True(reply.EndsCall, reply.Say);
        Assert.Contains(call.Outcome.Escalations, e => e.Urgent);
    }
}
