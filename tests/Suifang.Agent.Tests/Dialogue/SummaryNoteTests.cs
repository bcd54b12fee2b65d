using Suifang.Agent.Dialogue;
using Suifang.Agent.Knowledge;
using Suifang.Agent.Scripts;
using Suifang.Agent.Understanding.Chinese;

namespace Suifang.Agent.Tests.Dialogue;

/// The call summary reads like a nurse's follow-up note (6.2): findings as 无…/有…, values with units, the patient's own
/// words beside a present finding, what was handed over — not the questions repeated with 是/否.
public sealed class SummaryNoteTests
{
    private static readonly ScriptQuestion Temperature = Calls.Temperature with { Confirm = true };
    private static readonly ScriptQuestion Wound = new() { Key = "wound_discharge", Text = "伤口有没有渗液、流脓或者渗血？" };
    private static readonly ScriptQuestion Dizzy = new() { Key = "dizziness", Text = "最近有没有头晕、站起来时眼前发黑？" };
    private static readonly ScriptQuestion Medication = new()
    {
        Key = "medication_adherence", Text = "医生开的药您是按时按量吃的吗？", Label = "吃药情况", Type = AnswerType.Choice,
        Choices = ["按时服用", "偶尔漏服", "经常漏服"],
    };
    private static readonly ScriptQuestion Smoking = new()
    {
        Key = "smoking", Text = "您现在还吸烟吗？", Note = "吸烟", NoteYes = "仍在吸烟", NoteNo = "不吸烟",
    };
    private static readonly ScriptQuestion Cough = new() { Key = "cough", Text = "咳嗽比出院时加重了吗？" };
    private static readonly ScriptQuestion Systolic = new()
    {
        Key = "blood_pressure_systolic", Text = "您最近量的血压，高压（收缩压）是多少？", Label = "血压", Type = AnswerType.Number, Unit = "mmHg",
    };
    private static readonly ScriptQuestion Diastolic = new()
    {
        Key = "blood_pressure_diastolic", Text = "低压（舒张压）是多少？", Type = AnswerType.Number, Unit = "mmHg",
    };

    private static string Summary(Script script, params string[] turns)
    {
        using var knowledge = new KnowledgeIndex([]);
        var call = new DialogueEngine(ChineseUnderstander.Shared, knowledge).Start(script, Calls.Setup(name: "张伟", male: true));
        call.Open();
        foreach (var t in turns) call.Reply(PatientInput.Said(t));
        return call.Outcome.Summary;
    }

    [Fact]
    public void Findings_read_as_a_note_with_units_and_without_the_questions()
    {
        var s = Summary(Calls.Script(Temperature, Wound, Dizzy, Medication, Smoking),
            "是我", "三十七度二", "对", "没有", "没有", "按时吃的", "不抽了");
        Assert.StartsWith("患者张先生本人接听。", s);
        Assert.Contains("体温37.2℃", s);
        Assert.Contains("伤口无渗液、流脓、渗血", s);
        Assert.Contains("无头晕、站起来时眼前发黑", s);
        Assert.Contains("吃药情况：按时服用", s);
        Assert.Contains("不吸烟", s);
        Assert.Contains("随访已完成", s);
        Assert.DoesNotContain("有没有", s);
        Assert.DoesNotContain("：否", s);
    }

    [Fact]
    public void A_present_finding_keeps_the_patients_own_words()
    {
        var s = Summary(Calls.Script(Dizzy, Smoking), "是我", "有时候头晕 早上起来晕", "不抽");
        Assert.Contains("有头晕、站起来时眼前发黑（有时候头晕，早上起来晕）", s);
    }

    [Fact]
    public void A_plain_yes_adds_no_words_in_brackets()
    {
        var s = Summary(Calls.Script(Dizzy, Smoking), "是我", "有", "不抽");
        Assert.Contains("有头晕、站起来时眼前发黑，", s);
    }

    [Fact]
    public void Systolic_and_diastolic_answers_are_written_as_one_blood_pressure_and_a_lone_systolic_as_systolic()
    {
        Assert.Contains("血压128/78 mmHg", Summary(Calls.Script(Systolic, Diastolic, Smoking), "是我", "一百二十八", "七十八", "不抽"));
        Assert.Contains("收缩压118 mmHg", Summary(Calls.Script(Systolic, Smoking), "是我", "一百一十八", "不抽"));
    }

    [Fact]
    public void A_question_the_rules_cannot_turn_into_a_finding_keeps_its_words_without_the_question_mark()
    {
        var s = Summary(Calls.Script(Cough, Smoking), "是我", "没有加重", "不抽");
        Assert.Contains("咳嗽比出院时加重了：否", s);
    }

    [Fact]
    public void A_family_member_who_says_who_they_are_is_named_in_the_note()
    {
        var s = Summary(Calls.Script(Dizzy, Smoking), "我是他女儿", "没有", "不抽");
        Assert.StartsWith("患者张先生的家属代答（女儿）。", s);
        Assert.Contains("无头晕、站起来时眼前发黑", s);
    }

    [Fact]
    public void Confirming_a_no_to_chest_pain_raises_no_red_flag_after_the_call()
    {
        var chest = Calls.ChestPain with { Confirm = true };
        using var knowledge = new KnowledgeIndex([]);
        var call = new DialogueEngine(ChineseUnderstander.Shared, knowledge).Start(Calls.Script(chest, Smoking), Calls.Setup());
        call.Open();
        foreach (var t in new[] { "是我", "没有", "对", "不抽" }) call.Reply(PatientInput.Said(t));
        Assert.Equal(("chest_pain", "no"), (call.Outcome.Answers[0].QuestionKey, call.Outcome.Answers[0].Value));
        Assert.Empty(call.Outcome.Escalations);
        Assert.Contains("无胸痛（已复核）", call.Outcome.Summary);
    }

    [Fact]
    public void An_action_not_done_yet_keeps_what_the_patient_plans_and_a_plain_no_adds_nothing()
    {
        var visit = new ScriptQuestion
        {
            Key = "follow_up_visit", Text = "您有没有按医生约定的时间回医院复诊或复查？", NoteYes = "已按时复诊复查", NoteNo = "未按时复诊复查",
        };
        Assert.Contains("未按时复诊复查（还没去，下周去）", Summary(Calls.Script(Smoking, visit), "是我", "不抽", "还没去 下周去"));
        var plain = Summary(Calls.Script(Smoking, visit), "是我", "不抽", "没有");
        Assert.Contains("不吸烟，未按时复诊复查。", plain);
    }
}
