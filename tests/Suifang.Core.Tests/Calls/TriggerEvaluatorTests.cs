using Suifang.Core.Calls.Triggers;
using Suifang.Core.Pathways;

namespace Suifang.Core.Tests.Calls;

/// 5.1.4 / 7.2.5.1: a step's trigger rules over the answers of a follow-up.
public sealed class TriggerEvaluatorTests
{
    private static TriggerRule Rule(string key, TriggerOperator op, string value, TriggerSeverity severity = TriggerSeverity.Abnormal) =>
        new() { QuestionKey = key, Operator = op, Value = value, Severity = severity, Description = key + " 异常" };

    [Theory]
    [InlineData("yes", "是", true)]
    [InlineData("是", "yes", true)]
    [InlineData("no", "是", false)]
    [InlineData("uncertain", "是", false)]
    [InlineData("no", "否", true)]
    public void Yes_and_no_compare_in_either_language(string answer, string ruleValue, bool fires) =>
        Assert.Equal(fires, TriggerEvaluator.Fires(Rule("wound_redness", TriggerOperator.Equals, ruleValue), answer));

    [Theory]
    [InlineData("38.6", TriggerOperator.GreaterOrEqual, "38.5", true)]
    [InlineData("38.5", TriggerOperator.GreaterOrEqual, "38.5", true)]
    [InlineData("37.2", TriggerOperator.GreaterOrEqual, "38.5", false)]
    [InlineData("3.5", TriggerOperator.Less, "3.9", true)]
    [InlineData("150/85", TriggerOperator.GreaterOrEqual, "140/90", true)]
    [InlineData("130/95", TriggerOperator.GreaterOrEqual, "140/90", true)]
    [InlineData("130/85", TriggerOperator.GreaterOrEqual, "140/90", false)]
    [InlineData("三十八度", TriggerOperator.GreaterOrEqual, "38.5", false)]
    public void Numbers_compare_as_numbers_and_text_that_is_no_number_never_fires(string answer, TriggerOperator op, string value, bool fires) =>
        Assert.Equal(fires, TriggerEvaluator.Fires(Rule("temperature", op, value), answer));

    [Fact]
    public void Contains_and_not_equals_read_choices()
    {
        Assert.True(TriggerEvaluator.Fires(Rule("medication_adherence", TriggerOperator.Equals, "已自行停药"), "已自行停药"));
        Assert.True(TriggerEvaluator.Fires(Rule("note", TriggerOperator.Contains, "出血"), "牙龈有点出血"));
        Assert.True(TriggerEvaluator.Fires(Rule("follow_up_visit", TriggerOperator.NotEquals, "是"), "no"));
        Assert.False(TriggerEvaluator.Fires(Rule("follow_up_visit", TriggerOperator.NotEquals, "是"), ""));
    }

    [Fact]
    public void Only_rules_with_an_answer_fire_critical_first_with_the_answer_as_evidence()
    {
        var rules = new[]
        {
            Rule("temperature", TriggerOperator.GreaterOrEqual, "38.5"),
            Rule("chest_pain_minutes", TriggerOperator.GreaterOrEqual, "15", TriggerSeverity.Critical),
            Rule("bleeding", TriggerOperator.Equals, "是"),
        };
        var answers = new[]
        {
            new AnswerFact("temperature", "38.9", "三十八度九", 3),
            new AnswerFact("chest_pain_minutes", "20", "疼了二十来分钟", 5),
        };

        var hits = TriggerEvaluator.Evaluate(rules, answers);

        Assert.Equal(["chest_pain_minutes", "temperature"], hits.Select(h => h.Rule.QuestionKey).ToArray());
        Assert.Equal("疼了二十来分钟", hits[0].Answer.Said);
        Assert.Equal(5, hits[0].Answer.TurnIndex);
    }

    [Fact]
    public void A_later_answer_to_the_same_question_replaces_the_earlier_one()
    {
        var hits = TriggerEvaluator.Evaluate([Rule("temperature", TriggerOperator.GreaterOrEqual, "38.5")],
            [new AnswerFact("temperature", "36.8", "没发烧"), new AnswerFact("temperature", "39", "昨天烧到三十九度")]);
        Assert.Equal("昨天烧到三十九度", Assert.Single(hits).Answer.Said);
    }
}
