using Suifang.Core.Pathways;
using static Suifang.Core.Questionnaires.Scales.ScaleBuilder;

namespace Suifang.Core.Questionnaires.Scales;

/// PHQ-9 (患者健康问卷抑郁量表) and GAD-7 (广泛性焦虑量表): the last two weeks, each item 0 完全不会 · 1 好几天 ·
/// 2 一半以上的天数 · 3 几乎每天. Bands after Kroenke et al. 2001 (PHQ-9: 5/10/15/20) and Spitzer et al. 2006
/// (GAD-7: 5/10/15). PHQ-9 item 9 (thoughts of death or self-harm) answered above 0 is critical whatever the total.
internal static class MoodScales
{
    private static readonly (string, double)[] Frequency = [("完全不会", 0), ("好几天", 1), ("一半以上的天数", 2), ("几乎每天", 3)];

    public static StandardScale Phq9() => new("phq-9", "PHQ-9 抑郁筛查量表", "最近两周的情绪和睡眠等情况，9 道题，约 2 分钟。",
        QuestionnaireKind.Scale, new QuestionnaireContent
        {
            Intro = "在过去两周里，您有多少时候受到以下问题的困扰？请选择最符合的一项。",
            Questions =
            [
                Item("phq9_1", "做事时提不起劲或没有兴趣", Frequency),
                Item("phq9_2", "感到心情低落、沮丧或绝望", Frequency),
                Item("phq9_3", "入睡困难、睡不安稳或睡眠过多", Frequency),
                Item("phq9_4", "感觉疲倦或没有活力", Frequency),
                Item("phq9_5", "食欲不振或吃太多", Frequency),
                Item("phq9_6", "觉得自己很糟，或觉得自己很失败，或让自己或家人失望", Frequency),
                Item("phq9_7", "对事物专注有困难，例如阅读报纸或看电视时", Frequency),
                Item("phq9_8", "动作或说话速度缓慢到别人已经察觉；或正好相反，烦躁或坐立不安、动来动去的情况比平常更多", Frequency),
                Item("phq9_9", "有不如死掉或用某种方式伤害自己的念头", Frequency),
            ],
            Scoring = new ScoringRule
            {
                Bands =
                [
                    Band(0, 4, "没有抑郁症状", RiskLevel.None),
                    Band(5, 9, "轻度抑郁", RiskLevel.Low, "随访观察，两周后复评"),
                    Band(10, 14, "中度抑郁", RiskLevel.Moderate, "建议心理门诊或精神科评估"),
                    Band(15, 19, "中重度抑郁", RiskLevel.High, "尽快电话联系患者，建议精神科就诊"),
                    Band(20, 27, "重度抑郁", RiskLevel.High, "立即电话联系患者，安排精神科就诊"),
                ],
            },
            Alerts = [Alert("phq9_9", TriggerOperator.GreaterOrEqual, "1", TriggerSeverity.Critical, "PHQ-9 第 9 题：患者有轻生或自伤的念头，请立即联系患者并评估安全")],
        }, ["F32", "F33", "F34", "F41", "F43", "I21", "I25", "I50", "I63", "E11", "C"]);

    public static StandardScale Gad7() => new("gad-7", "GAD-7 焦虑筛查量表", "最近两周的紧张、担心等情况，7 道题，约 2 分钟。",
        QuestionnaireKind.Scale, new QuestionnaireContent
        {
            Intro = "在过去两周里，您有多少时候受到以下问题的困扰？请选择最符合的一项。",
            Questions =
            [
                Item("gad7_1", "感觉紧张、焦虑或急切", Frequency),
                Item("gad7_2", "不能够停止或控制担忧", Frequency),
                Item("gad7_3", "对各种各样的事情担忧过多", Frequency),
                Item("gad7_4", "很难放松下来", Frequency),
                Item("gad7_5", "由于不安而无法静坐", Frequency),
                Item("gad7_6", "变得容易烦恼或急躁", Frequency),
                Item("gad7_7", "感到似乎将有可怕的事情发生而害怕", Frequency),
            ],
            Scoring = new ScoringRule
            {
                Bands =
                [
                    Band(0, 4, "没有焦虑症状", RiskLevel.None),
                    Band(5, 9, "轻度焦虑", RiskLevel.Low, "随访观察，两周后复评"),
                    Band(10, 14, "中度焦虑", RiskLevel.Moderate, "建议心理门诊评估"),
                    Band(15, 21, "重度焦虑", RiskLevel.High, "尽快电话联系患者，建议心理或精神科就诊"),
                ],
            },
        }, ["F41", "F40", "F43", "F32", "I20", "I21", "I48", "C"]);
}
