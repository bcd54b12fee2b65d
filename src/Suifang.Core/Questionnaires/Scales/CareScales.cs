using static Suifang.Core.Questionnaires.Scales.ScaleBuilder;

namespace Suifang.Core.Questionnaires.Scales;

/// Nursing risk scales, answered by the patient or the family at home:
/// Barthel index (日常生活能力, Mahoney &amp; Barthel 1965; 10 items, 0–100; dependence grades of WS/T 431-2013 护理分级),
/// Morse fall scale (跌倒风险, Morse 1989; 0–125; ≥45 high risk as most hospitals use),
/// Braden scale (压力性损伤风险, Bergstrom &amp; Braden 1987; 6–23; lower is riskier).
internal static class CareScales
{
    public static StandardScale Barthel() => new("barthel", "Barthel 日常生活能力量表", "吃饭、洗澡、穿衣、走路等日常活动能自己完成多少，10 道题。",
        QuestionnaireKind.Scale, new QuestionnaireContent
        {
            Intro = "请根据患者最近实际能做到的情况选择（可由家属代填）。",
            Questions =
            [
                Item("barthel_feeding", "进食", ("需要别人喂", 0), ("需要部分帮助（如切碎、夹菜）", 5), ("自己能吃", 10)),
                Item("barthel_bathing", "洗澡", ("需要帮助", 0), ("自己能洗", 5)),
                Item("barthel_grooming", "修饰（洗脸、刷牙、梳头、刮脸）", ("需要帮助", 0), ("自己能完成", 5)),
                Item("barthel_dressing", "穿衣（包括系扣子、拉拉链、穿鞋）", ("需要别人穿", 0), ("需要部分帮助", 5), ("自己能穿", 10)),
                Item("barthel_bowels", "控制大便", ("失禁或需要灌肠", 0), ("偶尔失禁（每周不超过 1 次）", 5), ("能控制", 10)),
                Item("barthel_bladder", "控制小便", ("失禁或插尿管且不能自理", 0), ("偶尔失禁（每天不超过 1 次）", 5), ("能控制", 10)),
                Item("barthel_toilet", "如厕（上下马桶、擦拭、整理衣裤）", ("需要别人帮忙", 0), ("需要部分帮助", 5), ("自己能完成", 10)),
                Item("barthel_transfer", "床和椅子之间的移动", ("完全不能，坐不稳", 0), ("需要 1–2 人大量帮助，能坐", 5), ("需要少量帮助或提醒", 10), ("自己能完成", 15)),
                Item("barthel_mobility", "在平地上行走 45 米", ("不能走", 0), ("能自己用轮椅", 5), ("需要 1 人帮助或提醒", 10), ("自己能走（可用拐杖）", 15)),
                Item("barthel_stairs", "上下楼梯", ("不能", 0), ("需要帮助", 5), ("自己能上下", 10)),
            ],
            Scoring = new ScoringRule
            {
                Bands =
                [
                    Band(0, 40, "重度依赖", RiskLevel.High, "生活大部分需要照顾：评估照护者和居家护理需求"),
                    Band(41, 60, "中度依赖", RiskLevel.Moderate, "部分生活需要照顾：指导家属协助和康复锻炼"),
                    Band(61, 99, "轻度依赖", RiskLevel.Low, "少部分需要帮助：鼓励自理和康复锻炼"),
                    Band(100, 100, "无需依赖", RiskLevel.None),
                ],
            },
        }, ["I63", "I61", "I64", "I69", "S72", "M16", "M17", "G20", "G81", "G82"]);

    public static StandardScale Morse() => new("morse", "Morse 跌倒风险评估量表", "评估在家跌倒的风险，6 道题。",
        QuestionnaireKind.Scale, new QuestionnaireContent
        {
            Intro = "请根据患者目前的情况选择（可由家属代填）。",
            Questions =
            [
                Item("morse_history", "最近 3 个月内有没有跌倒过？", ("没有", 0), ("有", 25)),
                Item("morse_diagnosis", "是否同时患有两种或以上的疾病？", ("没有", 0), ("有", 15)),
                Item("morse_aid", "走路时需要借助什么？", ("不需要 / 卧床 / 有人搀扶", 0), ("拐杖、手杖或助行器", 15), ("需要扶着家具走", 30)),
                Item("morse_iv", "目前是否在输液或留置静脉针？", ("没有", 0), ("有", 20)),
                Item("morse_gait", "走路的样子", ("正常 / 卧床 / 坐轮椅", 0), ("虚弱无力，步子小", 10), ("不稳，容易失去平衡", 20)),
                Item("morse_mental", "对自己活动能力的认识", ("清楚自己能做什么，量力而行", 0), ("常高估自己或忘记自己的限制", 15)),
            ],
            Scoring = new ScoringRule
            {
                Bands =
                [
                    Band(0, 24, "低度跌倒风险", RiskLevel.Low),
                    Band(25, 44, "中度跌倒风险", RiskLevel.Moderate, "指导防跌倒措施：防滑、夜灯、起身慢"),
                    Band(45, 125, "高度跌倒风险", RiskLevel.High, "电话指导家属防跌倒并评估居家环境"),
                ],
            },
        }, ["I63", "I61", "I64", "S72", "G20", "M16", "M17", "R26", "R55", "I95"], MinimumAge: 65);

    public static StandardScale Braden() => new("braden", "Braden 压力性损伤风险量表", "评估长期卧床时皮肤受压受损（压疮）的风险，6 道题。",
        QuestionnaireKind.Scale, new QuestionnaireContent
        {
            Intro = "请根据患者目前的情况选择（可由家属代填）。",
            Questions =
            [
                Item("braden_sensory", "感知觉：对身体受压引起的不舒服能否感觉并表达", ("完全受限", 1), ("非常受限", 2), ("轻度受限", 3), ("没有受损", 4)),
                Item("braden_moisture", "潮湿：皮肤被汗液、尿液等弄湿的情况", ("持续潮湿", 1), ("常常潮湿", 2), ("偶尔潮湿", 3), ("很少潮湿", 4)),
                Item("braden_activity", "活动能力", ("一直卧床", 1), ("只能坐椅子或轮椅", 2), ("偶尔能走", 3), ("经常走动", 4)),
                Item("braden_mobility", "移动能力：自己翻身、挪动身体", ("完全不能", 1), ("非常受限", 2), ("轻度受限", 3), ("不受限", 4)),
                Item("braden_nutrition", "营养：平时吃饭的情况", ("非常差", 1), ("可能不足", 2), ("基本充足", 3), ("非常好", 4)),
                Item("braden_friction", "摩擦力和剪切力：在床上或椅子上是否常下滑、被拖拽", ("存在问题", 1), ("有潜在问题", 2), ("没有明显问题", 3)),
            ],
            Scoring = new ScoringRule
            {
                Bands =
                [
                    Band(6, 9, "极高危", RiskLevel.High, "立即指导家属翻身减压，安排护士上门或回院评估"),
                    Band(10, 12, "高危", RiskLevel.High, "指导每 2 小时翻身、使用减压垫，尽快复评"),
                    Band(13, 14, "中危", RiskLevel.Moderate, "指导定时翻身和皮肤护理"),
                    Band(15, 18, "低危", RiskLevel.Low, "保持皮肤清洁干燥"),
                    Band(19, 23, "无风险", RiskLevel.None),
                ],
            },
        }, ["I63", "I61", "I64", "S72", "G20", "G81", "G82", "L89", "S32"], MinimumAge: 80);
}
