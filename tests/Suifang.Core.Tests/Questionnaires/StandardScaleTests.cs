using Suifang.Core.Calls.Triggers;
using Suifang.Core.Questionnaires;
using Suifang.Core.Questionnaires.Editing;
using Suifang.Core.Questionnaires.Scales;

namespace Suifang.Core.Tests.Questionnaires;

/// The shipped scales (issue #5): items, scoring and bands as published (PHQ-9 Kroenke 2001, GAD-7 Spitzer 2006,
/// NRS, Barthel with WS/T 431-2013 grades, Morse 1989, Braden 1987).
public sealed class StandardScaleTests
{
    private static ScoreResult Score(string key, Func<QuestionnaireQuestion, string> answer)
    {
        var content = StandardScales.Get(key).Content;
        var answers = content.Questions.Where(q => q.Type == QuestionType.SingleChoice).ToDictionary(q => q.Key, answer);
        return QuestionnaireScoring.Score(content, answers)!;
    }

    private static string Lowest(QuestionnaireQuestion q) => q.Options.MinBy(o => o.Score)!.Value;
    private static string Highest(QuestionnaireQuestion q) => q.Options.MaxBy(o => o.Score)!.Value;

    [Theory]
    [InlineData("phq-9", 9, 0, 27)]
    [InlineData("gad-7", 7, 0, 21)]
    [InlineData("barthel", 10, 0, 100)]
    [InlineData("morse", 6, 0, 125)]
    [InlineData("braden", 6, 6, 23)]
    [InlineData("satisfaction", 5, 0, 100)]
    public void Scale_has_its_published_items_and_score_range(string key, int scoredItems, double min, double max)
    {
        var content = StandardScales.Get(key).Content;
        var scored = content.Scoring!.Items.Count > 0 ? content.Scoring.Items.Count : content.Questions.Count(q => q.Options.Any(o => o.Score is not null));
        Assert.Equal(scoredItems, scored);
        Assert.Equal(min, Score(key, Lowest).Score);
        Assert.Equal(max, Score(key, Highest).Score);
        Assert.Empty(QuestionnaireChecker.Check(StandardScales.Get(key).Title, content));
    }

    [Theory]
    [InlineData("phq-9", 4, "没有抑郁症状", RiskLevel.None)]
    [InlineData("phq-9", 5, "轻度抑郁", RiskLevel.Low)]
    [InlineData("phq-9", 10, "中度抑郁", RiskLevel.Moderate)]
    [InlineData("phq-9", 15, "中重度抑郁", RiskLevel.High)]
    [InlineData("phq-9", 20, "重度抑郁", RiskLevel.High)]
    [InlineData("gad-7", 9, "轻度焦虑", RiskLevel.Low)]
    [InlineData("gad-7", 10, "中度焦虑", RiskLevel.Moderate)]
    [InlineData("gad-7", 15, "重度焦虑", RiskLevel.High)]
    [InlineData("nrs-pain", 0, "无痛", RiskLevel.None)]
    [InlineData("nrs-pain", 3, "轻度疼痛", RiskLevel.Low)]
    [InlineData("nrs-pain", 4, "中度疼痛", RiskLevel.Moderate)]
    [InlineData("nrs-pain", 7, "重度疼痛", RiskLevel.High)]
    [InlineData("barthel", 40, "重度依赖", RiskLevel.High)]
    [InlineData("barthel", 45, "中度依赖", RiskLevel.Moderate)]
    [InlineData("barthel", 95, "轻度依赖", RiskLevel.Low)]
    [InlineData("barthel", 100, "无需依赖", RiskLevel.None)]
    [InlineData("morse", 24, "低度跌倒风险", RiskLevel.Low)]
    [InlineData("morse", 25, "中度跌倒风险", RiskLevel.Moderate)]
    [InlineData("morse", 45, "高度跌倒风险", RiskLevel.High)]
    [InlineData("braden", 9, "极高危", RiskLevel.High)]
    [InlineData("braden", 12, "高危", RiskLevel.High)]
    [InlineData("braden", 13, "中危", RiskLevel.Moderate)]
    [InlineData("braden", 18, "低危", RiskLevel.Low)]
    [InlineData("braden", 19, "无风险", RiskLevel.None)]
    [InlineData("satisfaction", 56, "不满意", RiskLevel.High)]
    [InlineData("satisfaction", 80, "满意", RiskLevel.None)]
    public void Score_falls_in_the_published_band(string key, double score, string label, RiskLevel level)
    {
        var band = QuestionnaireScoring.BandOf(StandardScales.Get(key).Content.Scoring!, score);
        Assert.Equal((label, level), (band?.Label, band?.Level));
    }

    [Fact]
    public void Phq9_total_counts_each_answer_and_item_9_above_zero_is_critical_whatever_the_total()
    {
        var content = StandardScales.Get("phq-9").Content;
        var answers = content.Questions.ToDictionary(q => q.Key, q => q.Key == "phq9_9" ? "1" : q.Key == "phq9_1" ? "2" : "0");
        var score = QuestionnaireScoring.Score(content, answers)!;
        Assert.Equal((3, "没有抑郁症状"), (score.Score, score.Label));
        var hit = Assert.Single(TriggerEvaluator.Evaluate(content.Alerts, answers.Select(a => new AnswerFact(a.Key, a.Value, a.Value))));
        Assert.Equal(Core.Pathways.TriggerSeverity.Critical, hit.Rule.Severity);
    }

    [Fact]
    public void Barthel_items_score_as_published_transfers_and_walking_up_to_15()
    {
        var content = StandardScales.Get("barthel").Content;
        Assert.Equal([10, 5, 5, 10, 10, 10, 10, 15, 15, 10], content.Questions.Select(q => q.Options.Max(o => o.Score)!.Value));
        var morse = StandardScales.Get("morse").Content;
        Assert.Equal([25, 15, 30, 20, 20, 15], morse.Questions.Select(q => q.Options.Max(o => o.Score)!.Value));
    }

    [Fact]
    public void Nrs_pain_is_stored_under_the_shared_pain_score_key_and_a_zero_skips_the_site_question()
    {
        var content = StandardScales.Get("nrs-pain").Content;
        Assert.Contains("pain_score", Core.Pathways.Presets.PathwayPresets.Vocabulary.Keys);
        Assert.DoesNotContain(QuestionnaireFlow.Visible(content, new Dictionary<string, string> { ["pain_score"] = "0" }), q => q.Key == "pain_site");
        Assert.Contains(QuestionnaireFlow.Visible(content, new Dictionary<string, string> { ["pain_score"] = "6" }), q => q.Key == "pain_site");
    }

    [Fact]
    public void Satisfaction_survey_uses_the_shared_vocabulary_keys_and_choices()
    {
        var vocabulary = Core.Pathways.Presets.PathwayPresets.Vocabulary;
        foreach (var q in StandardScales.Get("satisfaction").Content.Questions)
        {
            Assert.True(vocabulary.ContainsKey(q.Key), q.Key);
            if (vocabulary[q.Key].Choices is { } choices)
                Assert.Equal(choices.Split(';'), q.Options.Select(o => o.Value));
        }
    }

    [Fact]
    public void Recommends_scales_by_diagnosis_and_age_and_satisfaction_for_everyone()
    {
        var stroke = ScaleRecommender.Recommend([("I63.9", "脑梗死")], 70).Select(r => r.Scale.Key).ToList();
        Assert.Equal(["phq-9", "barthel", "morse", "braden", "satisfaction"], stroke);
        var young = ScaleRecommender.Recommend([("K80.2", "胆囊结石")], 40).Select(r => r.Scale.Key).ToList();
        Assert.Equal(["nrs-pain", "satisfaction"], young);
        var old = ScaleRecommender.Recommend([], 82);
        Assert.Contains(old, r => r.Scale.Key == "braden" && r.Reason.Contains("82"));
    }
}
