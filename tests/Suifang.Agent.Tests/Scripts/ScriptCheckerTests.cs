using Suifang.Agent.Scripts;
using Suifang.Agent.Tests.Dialogue;

namespace Suifang.Agent.Tests.Scripts;

public sealed class ScriptCheckerTests
{
    private static readonly Script Good = ScriptJson.LoadFile(Path.Combine(AppContext.BaseDirectory, "Dialogue", "Scripts", "discharge.json"));

    private static IEnumerable<string> Errors(Script s) =>
        ScriptChecker.Check(s).Where(p => p.Severity == ScriptProblemSeverity.Error).Select(p => p.Message);

    [Fact]
    public void The_test_script_has_no_problems() => Assert.Empty(ScriptChecker.Check(Good));

    [Fact]
    public void An_opening_without_the_AI_disclosure_or_the_offer_of_a_person_is_an_error()
    {
        var errors = Errors(Good with { Opening = "您好，我是第一人民医院的随访护士。" }).ToList();
        Assert.Contains(errors, m => m.Contains("开场白没有说明是AI智能助手"));
        Assert.Contains(errors, m => m.Contains("可以转人工"));
    }

    [Fact]
    public void A_missing_closing_is_an_error() =>
        Assert.Contains(Errors(Good with { Closing = " " }), m => m.Contains("缺少结束语"));

    [Fact]
    public void Duplicate_question_keys_are_an_error() =>
        Assert.Contains(Errors(Good with { Questions = [Calls.Fever, Calls.Temperature, Calls.Fever] }),
            m => m.Contains("问题编号“fever”重复（第1个和第3个问题）"));

    [Fact]
    public void A_goto_to_an_unknown_key_is_an_error() =>
        Assert.Contains(Errors(With(Calls.Fever with { Branches = [new("yes", Goto: "temprature")] }, Calls.Temperature)),
            m => m.Contains("跳转到“temprature”，但没有这个问题编号"));

    [Fact]
    public void A_goto_back_to_an_earlier_question_is_a_cycle() =>
        Assert.Contains(Errors(With(Calls.Fever, Calls.Temperature with { Branches = [new(">=38", Goto: "fever")] })),
            m => m.Contains("会形成循环（fever → … → temperature → fever）"));

    [Fact]
    public void A_choice_branch_on_a_question_that_is_not_a_choice_is_an_error() =>
        Assert.Contains(Errors(With(Calls.Fever with { Branches = [new("按时服用", "好")] })), m => m.Contains("这个问题不是选择题"));

    [Fact]
    public void A_comparison_on_a_yes_no_question_and_a_yes_branch_on_a_number_are_errors()
    {
        var errors = Errors(With(Calls.Fever with { Branches = [new(">=1", "好")] }, Calls.Temperature with { Branches = [new("yes", "好")] })).ToList();
        Assert.Contains(errors, m => m.Contains("是数值比较，但这个问题不是数字"));
        Assert.Contains(errors, m => m.Contains("但这个问题不是是否题"));
    }

    [Fact]
    public void A_choice_question_needs_choices_and_branches_among_them()
    {
        var q = new ScriptQuestion { Key = "drug", Text = "药按时吃了吗？", Type = AnswerType.Choice, Choices = ["按时", "漏服"], Branches = [new("停药", "请别停药")] };
        Assert.Contains(Errors(With(q)), m => m.Contains("不在选项中（选项：按时、漏服）"));
        Assert.Contains(Errors(With(q with { Choices = [] })), m => m.Contains("选项少于两个"));
    }

    [Fact]
    public void Unknown_placeholders_wrong_ranges_and_bad_keys_are_errors()
    {
        var errors = Errors(With(Calls.Temperature with { Text = "{name}的体温是多少？", Min = 45, Max = 34, Dtmf = new Dictionary<string, string> { ["A"] = "x" } })).ToList();
        Assert.Contains(errors, m => m.Contains("“{name}”不是可用的占位符"));
        Assert.Contains(errors, m => m.Contains("最小值45大于最大值34"));
        Assert.Contains(errors, m => m.Contains("按键“A”不对"));
        Assert.Contains(errors, m => m.Contains("按键A对应“x”"));
    }

    [Fact]
    public void A_long_question_is_a_warning_about_plain_wording()
    {
        var problems = ScriptChecker.Check(With(Calls.Fever with { Text = new string('问', 70) + "？" }));
        var p = Assert.Single(problems);
        Assert.Equal(ScriptProblemSeverity.Warning, p.Severity);
        Assert.Contains("8.1.1", p.Message);
    }

    [Fact]
    public void A_medical_term_without_a_plain_word_is_a_warning_and_with_one_is_fine()
    {
        var bare = ScriptChecker.Check(With(Calls.Fever with { Text = "您最近的收缩压是多少？" }));
        Assert.Contains(bare, p => p.Severity == ScriptProblemSeverity.Warning && p.Message.Contains("“高压（收缩压）”"));
        Assert.Empty(ScriptChecker.Check(With(Calls.Fever with { Text = "您最近的高压（收缩压）是多少？" })));
    }

    [Fact]
    public void Promising_a_cure_or_telling_patients_to_stop_treatment_is_an_error_but_warning_against_it_is_fine()
    {
        Assert.Contains(Errors(With(Calls.Fever with { Branches = [new("no", "没发烧就可以停药了，保证治好。")] })), m => m.Contains("9.3.1"));
        Assert.Empty(Errors(With(Calls.Fever with { Branches = [new("no", "药请不要自己停药，有问题先问医生。")] })));
    }

    private static Script With(params ScriptQuestion[] questions) => Good with { Questions = questions };
}
