namespace Suifang.Core.Pathways;

/// Chinese names of the pathway words, shared by the validator, the lists and the editor.
public static class PathwayText
{
    public static string Status(PathwayStatus s) => s switch
    {
        PathwayStatus.Draft => "草稿",
        PathwayStatus.Published => "已发布",
        _ => "已归档",
    };

    public static string Anchor(AnchorEvent a) => a switch
    {
        AnchorEvent.Visit => "就诊",
        AnchorEvent.Surgery => "手术",
        _ => "出院",
    };

    public static string Unit(OffsetUnit u) => u switch
    {
        OffsetUnit.Week => "周",
        OffsetUnit.Month => "月",
        _ => "天",
    };

    public static string Kind(AnswerKind k) => k switch
    {
        AnswerKind.YesNo => "是/否",
        AnswerKind.Number => "数值",
        AnswerKind.Choice => "单选",
        AnswerKind.Date => "日期",
        AnswerKind.Score => "0–10 评分",
        _ => "文字",
    };

    public static string Operator(TriggerOperator o) => o switch
    {
        TriggerOperator.Equals => "等于",
        TriggerOperator.NotEquals => "不等于",
        TriggerOperator.GreaterOrEqual => "≥",
        TriggerOperator.LessOrEqual => "≤",
        TriggerOperator.Greater => ">",
        TriggerOperator.Less => "<",
        _ => "包含",
    };

    public static string Severity(TriggerSeverity s) => s == TriggerSeverity.Critical ? "危急" : "异常";

    public static string Channel(ChannelKind c) => c switch
    {
        ChannelKind.AiCall => "AI 电话",
        ChannelKind.Sms => "短信",
        ChannelKind.Questionnaire => "问卷链接",
        _ => "人工随访",
    };

    /// "出院后 D+7": the time point as doctors say it.
    public static string TimePoint(AnchorEvent anchor, string label) => $"{Anchor(anchor)}后 {label}";

    public static IReadOnlyList<string> Choices(string? text) =>
        (text ?? "").Split([';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct().ToList();

    public const string Yes = "是";
    public const string No = "否";
}
