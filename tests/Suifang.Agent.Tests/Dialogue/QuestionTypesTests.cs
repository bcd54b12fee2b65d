using Suifang.Agent.Dialogue;
using Suifang.Agent.Scripts;
using Suifang.Agent.Understanding;
using static Suifang.Agent.Tests.Dialogue.Calls;

namespace Suifang.Agent.Tests.Dialogue;

/// <summary>Answer types the stories do not walk through, and the clarification that stays unresolved.</summary>
public sealed class QuestionTypesTests
{
    private static readonly ScriptQuestion Visit = new() { Key = "next_visit", Text = "您约的复查是哪一天？", Label = "复查日期", Type = AnswerType.Date };
    private static readonly ScriptQuestion Remarks = new() { Key = "remarks", Text = "您还有什么想告诉医生的吗？", Type = AnswerType.Text, Required = false };
    private static readonly ScriptQuestion Pressure = new()
    {
        Key = "blood_pressure", Text = "您最近量的血压是多少？", Label = "血压", Type = AnswerType.BloodPressure, Confirm = true,
        Branches = [new(">=140/90", "血压偏高，请按时吃降压药。")],
    };

    [Fact]
    public void A_date_is_kept_as_an_iso_date_and_read_back_as_month_and_day()
    {
        var u = new UtteranceUnderstanding { Text = "下周三", Intent = Intent.Inform, Confidence = 0.9,
            Values = [new ExtractedValue { Type = AnswerType.Date, Surface = "下周三", Date = new DateOnly(2026, 12, 9) }] };
        var (call, _) = AtFirstQuestion(Script(Visit), [u]);
        Assert.True(call.Reply(PatientInput.Said("下周三")).EndsCall);
        Assert.Equal("2026-12-09", Assert.Single(call.Outcome.Answers).Value);
        Assert.Contains("复查日期12月9日", call.Outcome.Summary);
    }

    [Fact]
    public void Free_text_is_kept_as_said()
    {
        var (call, _) = AtFirstQuestion(Script(Remarks), [U("晚上睡不太好", Intent.OffTopic)]);
        call.Reply(PatientInput.Said("晚上睡不太好"));
        Assert.Equal(("remarks", "晚上睡不太好"), (call.Outcome.Answers[0].QuestionKey, call.Outcome.Answers[0].Value));
        Assert.Equal(CallEnding.Completed, call.Outcome.Ending);
    }

    [Fact]
    public void A_blood_pressure_is_read_back_then_its_branch_is_said()
    {
        var u = new UtteranceUnderstanding { Text = "一百五九十五", Intent = Intent.Inform, Confidence = 0.9,
            Values = [new ExtractedValue { Type = AnswerType.BloodPressure, Surface = "一百五九十五", Number = 150, Number2 = 95 }] };
        var (call, _) = AtFirstQuestion(Script(Pressure, Fever), [u, U("对", Intent.Affirm)]);
        Assert.Equal("您是说血压高压150、低压95，对吗？", call.Reply(PatientInput.Said(u.Text)).Say);
        Assert.StartsWith("血压偏高，请按时吃降压药。", call.Reply(PatientInput.Said("对")).Say);
        Assert.Equal("150/95", call.Outcome.Answers[0].Value);
    }

    [Fact]
    public void An_uncertain_answer_takes_the_uncertain_branch_without_a_read_back()
    {
        var q = Temperature with { Confirm = true, Branches = [new("uncertain", "没关系，方便时量一下。")] };
        var (call, _) = AtFirstQuestion(Script(q, Fever), [U("没量过", Intent.Uncertain)]);
        Assert.StartsWith("没关系，方便时量一下。您有没有发烧", call.Reply(PatientInput.Said("没量过")).Say);
        Assert.Equal("uncertain", call.Outcome.Answers[0].Value);
    }

    [Fact]
    public void A_contradiction_still_unclear_after_asking_goes_to_a_nurse()
    {
        var later = Symptom("前天好像烧了", "发热", "烧", SymptomStatus.Present) with
        {
            Values = [new ExtractedValue { Type = AnswerType.Number, Surface = "38", Number = 38, Unit = "℃" }],
        };
        var (call, _) = AtFirstQuestion(Script(Fever, Temperature),
            [Symptom("没发烧", "发热", "发烧", SymptomStatus.Absent, Intent.Deny), later, U("记不清了", Intent.Uncertain)]);
        call.Reply(PatientInput.Said("没发烧"));
        Assert.Contains("到底有没有发热", call.Reply(PatientInput.Said("前天好像烧了")).Say);
        call.Reply(PatientInput.Said("记不清了"));
        var e = Assert.Single(call.Outcome.Escalations);
        Assert.Equal(("contradiction", false), (e.Kind, e.Urgent));
        Assert.Equal("uncertain", call.Outcome.Answers.Single(a => a.QuestionKey == "fever").Value);
    }

    [Fact]
    public void A_family_member_hears_what_the_patient_said_last_time_about_him()
    {
        var memory = new CallMemory([new RememberedAnswer("fever", "yes", "我有点发烧", Now.AddDays(-4), "D+3")]);
        var (call, _) = Opened(Script(), [U("我是他儿子", Intent.FamilyMember)], setup: Setup(memory: memory));
        Assert.Contains("上次随访时说到他有点发烧，现在怎么样了？", call.Reply(PatientInput.Said("我是他儿子")).Say);
    }
}
