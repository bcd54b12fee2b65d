using Suifang.Core.Pathways;
using Suifang.Core.Questionnaires;
using Suifang.Core.Questionnaires.Editing;
using Suifang.Core.Questionnaires.Links;
using Suifang.Core.Todos;

namespace Suifang.Core.Tests.Questionnaires;

/// A department's own scale-like questionnaire without code (5.2.3, issue #5): points per option, reverse items, a
/// total with risk bands, sub-scores, and alert rules on an answer or a score that raise a to-do with a plain reason.
public sealed class ScaleDesignTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 10, 0, 0);

    private static List<QuestionOption> Frequency() =>
    [
        new() { Value = "从不", Label = "从不", Score = 0 }, new() { Value = "有时", Label = "有时", Score = 1 },
        new() { Value = "经常", Label = "经常", Score = 2 }, new() { Value = "总是", Label = "总是", Score = 3 },
    ];

    /// 睡眠与情绪自评: two sleep items (the second worded positively, so reversed), two mood items, a fall question.
    public static QuestionnaireContent SleepMood() => new()
    {
        Questions =
        [
            new() { Key = "wake_at_night", Text = "夜里醒来难以再睡", Options = Frequency() },
            new() { Key = "sleep_well", Text = "我睡得很好", Options = Frequency(), Reverse = true },
            new() { Key = "low_mood", Text = "心情低落", Options = Frequency() },
            new() { Key = "no_interest", Text = "对事情提不起兴趣", Options = Frequency() },
            new() { Key = "fell", Text = "最近一个月摔倒过吗？", Options = [new() { Value = "是", Label = "是" }, new() { Value = "否", Label = "否" }] },
        ],
        Scoring = new ScoringRule
        {
            Bands =
            [
                new() { Min = 0, Max = 4, Label = "正常", Level = RiskLevel.None },
                new() { Min = 5, Max = 8, Label = "轻度", Level = RiskLevel.Low },
                new() { Min = 9, Max = 12, Label = "重度", Level = RiskLevel.High, Advice = "请医生评估" },
            ],
            SubScores =
            [
                new() { Key = "sleep", Label = "睡眠", Items = ["wake_at_night", "sleep_well"] },
                new() { Key = "mood", Label = "情绪", Items = ["low_mood", "no_interest"] },
            ],
        },
        Alerts =
        [
            new() { QuestionKey = "fell", Operator = TriggerOperator.Equals, Value = "是", Severity = TriggerSeverity.Abnormal, Description = "近期摔倒过，请今天电话回访" },
            new() { QuestionKey = QuestionnaireScoring.TotalKey, Operator = TriggerOperator.GreaterOrEqual, Value = "7", Description = "总分≥7，请安排复诊" },
            new() { QuestionKey = QuestionnaireScoring.SubPrefix + "mood", Operator = TriggerOperator.GreaterOrEqual, Value = "5",
                Severity = TriggerSeverity.Critical, Description = "情绪得分≥5，请立即联系患者和家属" },
        ],
    };

    private static ResponseOutcome Submit(QuestionnaireContent content, Dictionary<string, string> answers)
    {
        var questionnaire = new Questionnaire { Key = "sleep-mood", Title = "睡眠与情绪自评", DraftJson = "{}" };
        var version = new QuestionnaireVersion { Title = "睡眠与情绪自评", ContentJson = "{}", Questionnaire = questionnaire };
        var link = new QuestionnaireLink { TokenHash = "x", PatientId = 7, PlanStepId = 3, HospitalId = 1, DepartmentId = 2 };
        return ResponseOutcome.Build(link, version, content, answers, QuestionnaireScoring.Score(content, answers), [], Now);
    }

    [Fact]
    public void A_reverse_item_counts_from_the_other_end_and_sub_scores_sum_their_own_items()
    {
        var score = QuestionnaireScoring.Score(SleepMood(), new Dictionary<string, string>
        {
            ["wake_at_night"] = "经常", ["sleep_well"] = "总是", ["low_mood"] = "有时", ["no_interest"] = "从不", ["fell"] = "否",
        })!;

        // 经常 2 + 总是 reversed to 0 + 有时 1 + 从不 0.
        Assert.Equal(3, score.Score);
        Assert.Equal("正常", score.Label);
        Assert.Equal([("sleep", 2.0), ("mood", 1.0)], score.SubScores.Select(s => (s.Rule.Key, s.Score)));
        Assert.Equal((0.0, 12.0), QuestionnaireScoring.Range(QuestionnaireScoring.ItemsOf(SleepMood(), []))!.Value);
    }

    [Fact]
    public void Alerts_on_an_answer_the_total_and_a_sub_score_raise_to_dos_with_their_urgency_and_plain_reason()
    {
        var outcome = Submit(SleepMood(), new Dictionary<string, string>
        {
            ["wake_at_night"] = "总是", ["sleep_well"] = "从不", ["low_mood"] = "经常", ["no_interest"] = "总是", ["fell"] = "是",
        });

        // Total 3 + 3 + 2 + 3 = 11: band 重度 (high risk) adds its own to-do.
        Assert.Contains(outcome.Results, r => r.QuestionKey == "sleep_mood_score" && r.Value == "11");
        Assert.Contains(outcome.Results, r => r.QuestionKey == "sleep_mood_mood_score" && r.Value == "5");
        Assert.Contains(outcome.Results, r => r.QuestionKey == "sleep_mood_sleep_score" && r.Value == "6");
        var todos = outcome.Todos.ToDictionary(t => t.Reason);
        Assert.Equal(TodoUrgency.Critical, todos["情绪得分≥5，请立即联系患者和家属"].Urgency);
        Assert.Equal(TodoUrgency.Normal, todos["近期摔倒过，请今天电话回访"].Urgency);
        Assert.Equal("sleep_mood_score", todos["总分≥7，请安排复诊"].QuestionKey);
        Assert.Contains(outcome.Todos, t => t.Urgency == TodoUrgency.Urgent && t.Reason.Contains("重度", StringComparison.Ordinal));
        Assert.Equal(4, outcome.Todos.Count);
    }

    [Fact]
    public void A_well_formed_department_scale_passes_the_publish_check()
    {
        Assert.Empty(QuestionnaireChecker.Check("睡眠与情绪自评", SleepMood()));
    }

    [Fact]
    public void Publish_check_names_gaps_in_the_bands_and_scores_outside_them_in_Chinese()
    {
        var c = SleepMood();
        c.Scoring!.Bands[1].Max = 6;   // 7–8 in no band
        c.Scoring.Bands[2].Max = 10;   // the highest total is 12

        var problems = QuestionnaireChecker.Check("自评", c);

        Assert.Contains(problems, p => p.Contains("6 分和 9 分之间", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("最高可能是 12 分", StringComparison.Ordinal) && p.Contains("改为 12", StringComparison.Ordinal));
    }

    [Fact]
    public void Publish_check_refuses_alerts_and_reverse_items_a_nurse_or_the_scoring_could_not_use()
    {
        var c = SleepMood();
        c.Questions.Add(new QuestionnaireQuestion { Key = "note", Text = "其他", Type = QuestionType.Text, Required = false, Reverse = true });
        c.Alerts.Add(new TriggerRule { QuestionKey = "fell", Operator = TriggerOperator.Equals, Value = "也许", Description = "?" });
        c.Alerts.Add(new TriggerRule { QuestionKey = "low_mood", Operator = TriggerOperator.GreaterOrEqual, Value = "2", Description = "情绪差" });
        c.Alerts.Add(new TriggerRule { QuestionKey = QuestionnaireScoring.TotalKey, Operator = TriggerOperator.GreaterOrEqual, Value = "十", Description = "" });
        c.Scoring!.SubScores.Add(new SubScore { Key = "Bad Key", Label = "", Items = [] });

        var problems = QuestionnaireChecker.Check("自评", c);

        Assert.Contains(problems, p => p.Contains("不能反向计分", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("“也许”不是", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("不是数字题", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("还没有写说明", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("值请填数字", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("编码无效", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("还没有选题目", StringComparison.Ordinal));
        c.Scoring = null;
        Assert.Contains(QuestionnaireChecker.Check("自评", c), p => p.Contains("没有打开计分", StringComparison.Ordinal));
    }
}
