using Suifang.Agent.Scripts;

namespace Suifang.Agent.Tests.Scripts;

/// The checks before a script is published: AI disclosure and the offer of a person (5.1.4), keys, branches, loops,
/// branch conditions that fit the answer type, key presses; all messages Chinese.
public sealed class ScriptCheckerTests
{
    internal static Script Valid() => new()
    {
        Key = "test",
        Name = "测试话术",
        Opening = "{patient}您好，我是{hospital}的AI智能随访助手，想了解一下您出院后的情况。需要人工服务可以随时告诉我。",
        IdentityCheck = "请问您是{patient}本人，还是家属呢？",
        Questions =
        [
            new() { Key = "chest_pain", Text = "最近有没有胸痛、胸闷？", Dtmf = new Dictionary<string, string> { ["1"] = "yes", ["2"] = "no" },
                Branches = [new("no", Goto: "medication_adherence")] },
            new() { Key = "chest_pain_minutes", Text = "胸痛一次大概几分钟？", Type = AnswerType.Number, Unit = "分钟", Min = 0, Max = 600, Confirm = true,
                Branches = [new(">=15", "胸痛超过15分钟很危险，请马上拨打120。")] },
            new() { Key = "medication_adherence", Text = "药是按时吃的吗？", Type = AnswerType.Choice, Choices = ["按时服用", "已自行停药"],
                Dtmf = new Dictionary<string, string> { ["1"] = "按时服用", ["2"] = "已自行停药" },
                Branches = [new("已自行停药", "药请不要自己停，我会请医生联系您。", ScriptChecker.Closing)] },
        ],
        Closing = "感谢您的配合，再见！",
    };

    private static IReadOnlyList<ScriptProblem> Errors(Script s) => ScriptChecker.Check(s).Where(p => p.IsError).ToList();

    [Fact]
    public void A_complete_script_has_no_problems()
    {
        Assert.Empty(ScriptChecker.Check(Valid()));
    }

    [Fact]
    public void An_opening_without_AI_disclosure_or_the_offer_of_a_person_cannot_be_published()
    {
        var problems = Errors(Valid() with { Opening = "您好，这里是市人民医院，想了解一下您的情况。" });

        Assert.Contains(problems, p => p.Field == "开场白" && p.Message.Contains("AI 助手"));
        Assert.Contains(problems, p => p.Field == "开场白" && p.Message.Contains("转人工"));
    }

    [Fact]
    public void Two_questions_with_the_same_key_are_reported_once_with_the_key()
    {
        var s = Valid();
        var problems = Errors(s with { Questions = [.. s.Questions, s.Questions[0] with { Branches = [] }] });

        var duplicate = Assert.Single(problems, p => p.Message.Contains("重复"));
        Assert.Equal("chest_pain", duplicate.QuestionKey);
    }

    [Fact]
    public void A_branch_to_a_question_the_script_does_not_have_names_the_missing_key()
    {
        var s = Valid();
        var problems = Errors(s with { Questions = [s.Questions[0] with { Branches = [new("no", Goto: "fever")] }, .. s.Questions.Skip(1)] });

        Assert.Contains(problems, p => p.QuestionKey == "chest_pain" && p.Message.Contains("“fever”") && p.Message.Contains("没有这个问题"));
    }

    [Fact]
    public void A_branch_back_to_an_earlier_question_is_a_loop_and_the_loop_is_spelled_out()
    {
        var s = Valid();
        var looping = s with { Questions = [s.Questions[0], s.Questions[1] with { Branches = [new(">=15", Goto: "chest_pain")] }, s.Questions[2]] };

        Assert.Equal(["chest_pain", "chest_pain_minutes", "chest_pain"], ScriptChecker.FindCycle(looping));
        Assert.Contains(Errors(looping), p => p.Field == "分支" && p.Message.Contains("循环"));
    }

    [Fact]
    public void A_choice_branch_on_a_yes_no_question_asks_to_change_the_answer_type()
    {
        var s = Valid();
        var problems = Errors(s with { Questions = [s.Questions[0] with { Branches = [new("偶尔", Goto: "closing")] }, .. s.Questions.Skip(1)] });

        Assert.Contains(problems, p => p.QuestionKey == "chest_pain" && p.Message.Contains("单选"));
    }

    [Fact]
    public void A_branch_on_a_choice_the_question_does_not_offer_lists_the_offered_choices()
    {
        var s = Valid();
        var q = s.Questions[2] with { Branches = [new("经常漏服", Goto: "closing")] };
        var problems = Errors(s with { Questions = [s.Questions[0], s.Questions[1], q] });

        Assert.Contains(problems, p => p.Message.Contains("按时服用、已自行停药"));
    }

    [Fact]
    public void A_key_press_must_be_one_phone_key_mapped_to_a_valid_answer()
    {
        var s = Valid();
        var q = s.Questions[0] with { Dtmf = new Dictionary<string, string> { ["10"] = "yes", ["2"] = "有" } };
        var problems = Errors(s with { Questions = [q, .. s.Questions.Skip(1)] });

        Assert.Contains(problems, p => p.Field == "按键" && p.Message.Contains("“10”"));
        Assert.Contains(problems, p => p.Field == "按键" && p.Message.Contains("“有”"));
    }

    [Fact]
    public void A_long_question_and_a_number_without_unit_are_warnings_not_errors()
    {
        var s = Valid();
        var q = s.Questions[1] with { Unit = null, Text = new string('问', ScriptChecker.QuestionMaxLength + 1) };
        var problems = ScriptChecker.Check(s with { Questions = [s.Questions[0], q, s.Questions[2]] });

        Assert.Equal(2, problems.Count(p => !p.IsError));
        Assert.DoesNotContain(problems, p => p.IsError);
    }

    [Fact]
    public void An_unknown_placeholder_is_reported_with_the_ones_that_exist()
    {
        var problems = Errors(Valid() with { IdentityCheck = "请问您是{name}吗？" });

        Assert.Contains(problems, p => p.Message.Contains("{name}") && p.Message.Contains("{patient}"));
    }
}
