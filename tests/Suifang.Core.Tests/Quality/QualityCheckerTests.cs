using Suifang.Core.Calls;
using Suifang.Core.Quality;
using Suifang.Testing.Quality;

namespace Suifang.Core.Tests.Quality;

/// 7.2.5.2 automatic checks over a transcript: identity, AI disclosure, required questions on the script's path, and
/// forbidden content, each with the turn where it was found.
public sealed class QualityCheckerTests
{
    private static readonly ScriptOutline Script = ScriptOutline.Parse(QualityCalls.ScriptJson);

    private static List<CallTurn> Turns(params QualityCalls.Exchange[] exchanges)
    {
        var turns = new List<CallTurn>();
        foreach (var e in exchanges)
        {
            turns.Add(new CallTurn { Index = turns.Count, Speaker = Speaker.Agent, Text = e.Agent, QuestionKey = e.QuestionKey });
            if (e.Patient is not null)
                turns.Add(new CallTurn { Index = turns.Count, Speaker = Speaker.Patient, Text = e.Patient, QuestionKey = e.QuestionKey });
        }
        return turns;
    }

    private static Dictionary<string, string> Answers(QualityCalls.Exchange[] exchanges) =>
        exchanges.Where(e => e.Value is not null).ToDictionary(e => e.QuestionKey!, e => e.Value!);

    private static List<QualityFinding> Check(QualityCalls.Exchange[] exchanges, CallEnd end = CallEnd.Completed, IReadOnlySet<string>? before = null) =>
        QualityChecker.Check(Script, Turns(exchanges), end, Answers(exchanges), before ?? new HashSet<string>(), ForbiddenRule.Defaults);

    [Fact]
    public void A_complete_call_that_discloses_the_ai_confirms_identity_and_asks_every_required_question_passes()
    {
        var findings = Check(QualityCalls.Complete());

        Assert.All(findings, f => Assert.True(f.Passed, f.Detail));
        Assert.Equal(["temperature", "wound_redness", "pain_score"], findings.Where(f => f.Rule == CheckRule.RequiredQuestion).Select(f => f.Item).ToArray());
        Assert.Equal(0, findings.Single(f => f.Rule == CheckRule.AiDisclosure).TurnIndex);
        Assert.Equal(1, findings.Single(f => f.Rule == CheckRule.Identity).TurnIndex);
    }

    [Fact]
    public void An_opening_without_the_ai_disclosure_fails_at_the_first_agent_turn()
    {
        var call = QualityCalls.Complete();
        call[0] = new("张三您好，我是测试医院随访中心的。");

        var finding = Check(call).Single(f => f.Rule == CheckRule.AiDisclosure);

        Assert.False(finding.Passed);
        Assert.Equal(0, finding.TurnIndex);
        Assert.Contains("AI", finding.Detail);
    }

    [Fact]
    public void A_required_question_not_asked_fails_with_its_key_and_an_optional_one_is_not_checked()
    {
        var call = QualityCalls.Complete().Where(e => e.QuestionKey != "pain_score").ToArray();

        var findings = Check(call).Where(f => f.Rule == CheckRule.RequiredQuestion).ToList();

        var missed = Assert.Single(findings, f => !f.Passed);
        Assert.Equal("pain_score", missed.Item);
        Assert.DoesNotContain(findings, f => f.Item == "remark");
    }

    [Fact]
    public void A_branch_that_ends_the_questions_skips_the_rest_without_a_failure()
    {
        var call = QualityCalls.Complete(redness: "no").Where(e => e.QuestionKey != "pain_score").ToArray();

        Assert.All(Check(call), f => Assert.True(f.Passed, f.Detail));
    }

    [Fact]
    public void A_question_answered_earlier_in_the_period_counts_as_asked()
    {
        var call = QualityCalls.Complete().Where(e => e.QuestionKey != "temperature").ToArray();

        var finding = Check(call, before: new HashSet<string> { "temperature" }).Single(f => f.Item == "temperature");

        Assert.True(finding.Passed);
    }

    [Fact]
    public void A_call_ended_early_is_not_checked_for_required_questions_but_for_the_opening_and_forbidden_words()
    {
        var findings = Check(QualityCalls.Opening, CallEnd.HandedOff);

        Assert.DoesNotContain(findings, f => f.Rule == CheckRule.RequiredQuestion);
        Assert.Contains(findings, f => f.Rule == CheckRule.Forbidden);
    }

    [Theory]
    [InlineData("您这应该就是伤口感染，问题不大。", "诊断")]
    [InlineData("建议您把降压药加量。", "处方")]
    [InlineData("每天吃2片阿司匹林就行。", "处方")]
    [InlineData("我保证您很快就好了。", "承诺")]
    [InlineData("有事可以打13812345678找护士。", "完整号码")]
    public void Forbidden_content_said_by_the_agent_fails_at_its_turn(string said, string rule)
    {
        var call = QualityCalls.Complete();
        call[^1] = new(said);

        var finding = Check(call).Single(f => f.Rule == CheckRule.Forbidden && !f.Passed);

        Assert.Equal(rule, finding.Item);
        Assert.Equal(Turns(call).Count - 1, finding.TurnIndex);
        Assert.DoesNotContain("13812345678", finding.Detail);
    }

    [Theory]
    [InlineData("电话13812345678", "有事打电话13812345678找护士。", "电话138****5678")]
    [InlineData("身份证号\\d{17}[\\dX]", "您的身份证号110101199003071234对吗？", "身份证号110101********1234")]
    public void A_number_inside_forbidden_content_is_masked_in_the_finding_as_on_every_page(string pattern, string said, string shown)
    {
        var call = QualityCalls.Complete();
        call[^1] = new(said);
        var rules = ForbiddenRule.Parse("号码|" + pattern);

        var finding = QualityChecker.Check(Script, Turns(call), CallEnd.Completed, Answers(call), new HashSet<string>(), rules).Single(f => f.Rule == CheckRule.Forbidden);

        Assert.False(finding.Passed);
        Assert.Contains($"“{shown}”", finding.Detail);
    }

    [Fact]
    public void Questions_of_the_script_about_stopping_medicine_are_not_prescriptions_and_the_patient_may_say_anything()
    {
        var call = QualityCalls.Complete();
        call[^1] = new("您有没有自行停药或者减量？", null, "我每天吃2片，保证按时吃");

        Assert.All(Check(call).Where(f => f.Rule == CheckRule.Forbidden), f => Assert.True(f.Passed, f.Detail));
    }

    [Fact]
    public void A_hospital_list_of_forbidden_rules_replaces_the_defaults_and_a_bad_rule_is_explained_in_chinese()
    {
        var rules = ForbiddenRule.Parse("# 本院规则\n费用|(退款|免费)");
        Assert.Equal("费用", Assert.Single(rules).Name);

        var error = Assert.Throws<FormatException>(() => ForbiddenRule.Parse("承诺(保证"));
        Assert.Contains("名称|正则表达式", error.Message);
        Assert.Contains("写法有误", Assert.Throws<FormatException>(() => ForbiddenRule.Parse("承诺|(保证")).Message);
    }

    [Theory]
    [InlineData(">=38.5", "38.6", true)]
    [InlineData(">=38.5", "37", false)]
    [InlineData("no", "否", true)]
    [InlineData("no", "yes", false)]
    [InlineData("已停药", "已停药", true)]
    public void Branch_conditions_match_like_the_dialogue_engine(string when, string answer, bool matches) =>
        Assert.Equal(matches, QualityChecker.Matches(when, answer));

    [Fact]
    public void The_share_is_deterministic_and_close_to_the_setting()
    {
        var picked = Enumerable.Range(1, 20_000).Count(id => SampleCalls.InShare(id, 5));

        Assert.InRange(picked, 900, 1100);
        Assert.Equal(SampleCalls.InShare(4242, 5), SampleCalls.InShare(4242, 5));
        Assert.False(SampleCalls.InShare(4242, 0));
        Assert.True(SampleCalls.InShare(4242, 100));
    }

    [Fact]
    public void The_understanding_accuracy_interval_is_wilsons()
    {
        var rate = new Rate(9, 10);
        var (low, high) = rate.Interval95!.Value;

        Assert.Equal(0.9, rate.Value);
        Assert.Equal(0.596, low, 3);
        Assert.Equal(0.982, high, 3);
        Assert.Null(new Rate(0, 0).Interval95);
    }
}
