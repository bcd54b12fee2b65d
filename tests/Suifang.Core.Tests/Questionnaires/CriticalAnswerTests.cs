using Suifang.Core.Pathways;
using Suifang.Core.Questionnaires;
using Suifang.Core.Questionnaires.Links;
using static Suifang.Core.Questionnaires.Scales.ScaleBuilder;

namespace Suifang.Core.Tests.Questionnaires;

/// Stage 1 knows from the answers alone whether a submission has a critical answer (the patient's thank-you page then
/// shows its safety message): the questionnaire's own alerts of severity Critical, on an answer or on the total score;
/// an alert of severity Abnormal, or a high score without a critical alert, is not critical.
public sealed class CriticalAnswerTests
{
    private static readonly (string, double)[] Frequency = [("完全不会", 0), ("好几天", 1), ("一半以上的天数", 2), ("几乎每天", 3)];

    private static readonly QuestionnaireContent Content = new()
    {
        Questions = [Item("sleep", "睡不好", Frequency), Item("hopeless", "感到没有希望", Frequency)],
        Scoring = new ScoringRule { Bands = [Band(0, 5, "高", RiskLevel.High)] },
        Alerts =
        [
            Alert("sleep", TriggerOperator.GreaterOrEqual, "2", TriggerSeverity.Abnormal, "睡眠差"),
            Alert(QuestionnaireScoring.TotalKey, TriggerOperator.GreaterOrEqual, "5", TriggerSeverity.Critical, "总分很高"),
            Alert("hopeless", TriggerOperator.Equals, "3", TriggerSeverity.Critical, "几乎每天感到没有希望"),
        ],
    };

    private static bool Critical(string sleep, string hopeless)
    {
        var answers = new Dictionary<string, string> { ["sleep"] = sleep, ["hopeless"] = hopeless };
        var version = new QuestionnaireVersion
        {
            Title = "情绪自评", ContentJson = "{}", Questionnaire = new Questionnaire { Key = "mood-self", Title = "情绪自评", DraftJson = "{}" },
        };
        return ResponseOutcome.HasCriticalAnswer(new QuestionnaireLink { TokenHash = "h", QuestionnaireId = 1 }, version, Content, answers,
            QuestionnaireScoring.Score(Content, answers));
    }

    [Theory]
    [InlineData("0", "0", false)]
    [InlineData("3", "0", false)]   // an abnormal alert and a high-risk band: a to-do for the nurse, not a critical answer
    [InlineData("2", "3", true)]    // the total (5) and the answer itself
    [InlineData("0", "3", true)]    // the answer itself
    [InlineData("3", "2", true)]    // the total alone (5)
    public void Only_the_questionnaires_critical_alerts_make_a_submission_critical(string sleep, string hopeless, bool critical) =>
        Assert.Equal(critical, Critical(sleep, hopeless));
}
