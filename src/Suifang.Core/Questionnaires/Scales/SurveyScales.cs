using Suifang.Core.Pathways;
using static Suifang.Core.Questionnaires.Scales.ScaleBuilder;

namespace Suifang.Core.Questionnaires.Scales;

/// NRS pain (数字评分法, 0–10: 1–3 mild, 4–6 moderate, 7–10 severe) and the hospital satisfaction survey, whose items
/// are the shared vocabulary's satisfaction keys (the same answers the AI satisfaction call collects), scored as a
/// 0–100 index (each item 100/80/60/0, averaged).
internal static class SurveyScales
{
    public static StandardScale Nrs() => new("nrs-pain", "NRS 疼痛数字评分", "用 0–10 分说出现在有多痛，1 道题。",
        QuestionnaireKind.Scale, new QuestionnaireContent
        {
            Intro = "0 分表示一点都不痛，10 分表示能想象到的最痛。",
            Questions =
            [
                new QuestionnaireQuestion { Key = "pain_score", Text = "您现在的疼痛有几分？", Type = QuestionType.Rating, RatingStyle = RatingStyle.ZeroToTen },
                new QuestionnaireQuestion { Key = "pain_site", Text = "哪里痛？（可以不填）", Type = QuestionType.Text, Required = false },
            ],
            Logic = [new LogicRule { WhenKey = "pain_score", Operator = TriggerOperator.Equals, Value = "0", Action = LogicAction.Skip, TargetKey = "pain_site" }],
            Scoring = new ScoringRule
            {
                Items = ["pain_score"],
                Bands =
                [
                    Band(0, 0, "无痛", RiskLevel.None),
                    Band(1, 3, "轻度疼痛", RiskLevel.Low),
                    Band(4, 6, "中度疼痛", RiskLevel.Moderate, "了解止痛药使用情况，必要时调整"),
                    Band(7, 10, "重度疼痛", RiskLevel.High, "尽快电话联系患者，评估疼痛原因并告知医生"),
                ],
            },
        }, ["K80", "K81", "M16", "M17", "M54", "S72", "O82", "C", "Z96"]);

    private static readonly (string, double)[] Satisfied = [("非常满意", 100), ("满意", 80), ("一般", 60), ("不满意", 0)];

    public static StandardScale Satisfaction() => new("satisfaction", "住院患者满意度调查", "对本次就医的医生、护士、环境和等候的评价，8 道题。",
        QuestionnaireKind.Satisfaction, new QuestionnaireContent
        {
            Intro = "感谢您选择我院。您的评价会帮助我们改进服务，约 1 分钟。",
            Questions =
            [
                Choice("satisfaction_overall", "这次在我院看病，您总体满意吗？", Satisfied),
                Choice("satisfaction_doctor", "您对医生的诊治和态度满意吗？", Satisfied),
                Choice("satisfaction_nurse", "您对护士的照顾和态度满意吗？", Satisfied),
                Choice("satisfaction_environment", "您对病房或诊室的环境卫生满意吗？", Satisfied),
                Choice("waiting_time", "这次看病排队等候的时间，您觉得怎么样？", ("很快", 100), ("还可以", 80), ("太久了", 0)),
                new QuestionnaireQuestion { Key = "explanation_clear", Text = "医生护士有没有把怎么吃药、要注意什么讲清楚？", Options = YesNo() },
                new QuestionnaireQuestion { Key = "recommend_hospital", Text = "如果亲戚朋友要看病，您愿意推荐我院吗？", Options = YesNo() },
                new QuestionnaireQuestion { Key = "suggestion", Text = "您对我们还有什么意见或建议吗？", Type = QuestionType.Text, Required = false },
            ],
            Scoring = new ScoringRule
            {
                Items = ["satisfaction_overall", "satisfaction_doctor", "satisfaction_nurse", "satisfaction_environment", "waiting_time"],
                Multiplier = 0.2,
                Bands =
                [
                    Band(0, 59.99, "不满意", RiskLevel.High, "请回访了解不满意的原因，必要时转投诉处理"),
                    Band(60, 79.99, "一般", RiskLevel.Moderate),
                    Band(80, 89.99, "满意", RiskLevel.None),
                    Band(90, 100, "非常满意", RiskLevel.None),
                ],
            },
            Alerts = [Alert("satisfaction_overall", TriggerOperator.Equals, "不满意", TriggerSeverity.Abnormal, "患者对本次就医总体不满意，请回访了解原因")],
        }, [], ForEveryone: true);

    public static List<QuestionOption> YesNo() =>
        [new QuestionOption { Value = "yes", Label = "是" }, new QuestionOption { Value = "no", Label = "否" }];
}
