using Suifang.Core.Pathways;
using Suifang.Core.Questionnaires;
using Suifang.Core.Questionnaires.Editing;

namespace Suifang.Core.Tests.Questionnaires;

/// 问卷逻辑 (issue #5 designer): show, skip and jump on answers; the server keeps only what the patient could see.
public sealed class QuestionnaireLogicTests
{
    public static QuestionnaireContent WoundSurvey() => new()
    {
        Questions =
        [
            new() { Key = "wound_redness", Text = "伤口红肿吗？", Options = Scales_YesNo() },
            new() { Key = "redness_days", Text = "红肿几天了？", Type = QuestionType.Number, Min = 0, Max = 60 },
            new() { Key = "fever", Text = "发烧吗？", Options = Scales_YesNo() },
            new() { Key = "temperature", Text = "体温多少度？", Type = QuestionType.Number, Unit = "℃", Min = 34, Max = 43 },
            new() { Key = "pain_score", Text = "疼痛几分？", Type = QuestionType.Rating },
            new() { Key = "suggestion", Text = "建议", Type = QuestionType.Text, Required = false },
        ],
        Logic =
        [
            new() { WhenKey = "wound_redness", Value = "yes", Action = LogicAction.Show, TargetKey = "redness_days" },
            new() { WhenKey = "fever", Value = "no", Action = LogicAction.Skip, TargetKey = "temperature" },
            new() { WhenKey = "pain_score", Operator = TriggerOperator.Equals, Value = "0", Action = LogicAction.Jump, TargetKey = "suggestion" },
        ],
    };

    private static List<QuestionOption> Scales_YesNo() => [new() { Value = "yes", Label = "是" }, new() { Value = "no", Label = "否" }];

    private static List<string> Visible(QuestionnaireContent c, params (string, string)[] answers) =>
        QuestionnaireFlow.Visible(c, answers.ToDictionary(a => a.Item1, a => a.Item2)).Select(q => q.Key).ToList();

    [Fact]
    public void Show_rule_hides_its_target_until_the_answer_meets_it()
    {
        var c = WoundSurvey();
        Assert.DoesNotContain("redness_days", Visible(c));
        Assert.DoesNotContain("redness_days", Visible(c, ("wound_redness", "no")));
        Assert.Contains("redness_days", Visible(c, ("wound_redness", "yes")));
    }

    [Fact]
    public void Skip_rule_hides_its_target_when_the_answer_meets_it()
    {
        var c = WoundSurvey();
        Assert.Contains("temperature", Visible(c, ("fever", "yes")));
        Assert.DoesNotContain("temperature", Visible(c, ("fever", "no")));
    }

    [Fact]
    public void Jump_skips_everything_between_the_question_and_its_target()
    {
        var c = WoundSurvey();
        c.Questions.Insert(5, new QuestionnaireQuestion { Key = "pain_site", Text = "哪里痛？", Type = QuestionType.Text });
        Assert.Equal(["wound_redness", "fever", "temperature", "pain_score", "suggestion"], Visible(c, ("fever", "yes"), ("pain_score", "0")));
        Assert.Contains("pain_site", Visible(c, ("pain_score", "3")));
    }

    [Fact]
    public void Final_check_demands_visible_required_answers_and_drops_answers_to_hidden_questions()
    {
        var c = WoundSurvey();
        var raw = new Dictionary<string, string> { ["wound_redness"] = "no", ["redness_days"] = "3", ["fever"] = "no", ["temperature"] = "39" };
        var check = QuestionnaireAnswers.Check(c, raw, final: true);
        Assert.False(check.Ok);
        Assert.Equal("pain_score", Assert.Single(check.Problems).Key);
        Assert.Equal(["wound_redness", "fever"], check.Answers.Keys.Order().Reverse());
        raw["pain_score"] = "11";
        Assert.Contains("0 到 10", QuestionnaireAnswers.Check(c, raw, final: true).Problems.Single().Problem);
    }

    [Fact]
    public void Multiple_choice_logic_holds_when_the_value_is_among_the_choices()
    {
        var rule = new LogicRule { WhenKey = "symptoms", Value = "cough", Action = LogicAction.Show, TargetKey = "x" };
        Assert.True(QuestionnaireFlow.Holds(rule, new Dictionary<string, string> { ["symptoms"] = "fever;cough" }));
        Assert.False(QuestionnaireFlow.Holds(rule, new Dictionary<string, string> { ["symptoms"] = "fever" }));
    }

    [Fact]
    public void Checker_names_duplicate_keys_backward_logic_and_overlapping_bands_in_chinese()
    {
        var c = WoundSurvey();
        c.Questions.Add(new QuestionnaireQuestion { Key = "fever", Text = "又问发烧", Options = Scales_YesNo() });
        c.Logic.Add(new LogicRule { WhenKey = "temperature", Value = "38", Action = LogicAction.Skip, TargetKey = "wound_redness" });
        c.Scoring = new ScoringRule { Bands = [new() { Min = 0, Max = 5, Label = "低" }, new() { Min = 5, Max = 9, Label = "高" }] };
        var problems = QuestionnaireChecker.Check("伤口随访", c);
        Assert.Contains(problems, p => p.Contains("重复"));
        Assert.Contains(problems, p => p.Contains("只能指向后面的题目"));
        Assert.Contains(problems, p => p.Contains("重叠"));
    }
}
