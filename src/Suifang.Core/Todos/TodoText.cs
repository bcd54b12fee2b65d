namespace Suifang.Core.Todos;

/// The names nurses read for kinds, urgencies, actions and sources (also used in audit summaries and exports).
public static class TodoText
{
    public static string Kind(TodoKind kind) => kind switch
    {
        TodoKind.Unreached => "未接通",
        TodoKind.Abnormal => "异常",
        TodoKind.Handoff => "转人工",
        TodoKind.RedFlag => "危险信号",
        TodoKind.UnansweredQuestion => "待解答",
        TodoKind.CallBack => "来电待回复",
        TodoKind.VerifyNumber => "核实号码",
        TodoKind.VerifyDeceased => "核实去世",
        TodoKind.CriticalValue => "危急值",
        TodoKind.Trend => "趋势恶化",
        _ => kind.ToString(),
    };

    public static string Urgency(TodoUrgency urgency) => urgency switch
    {
        TodoUrgency.Critical => "危急",
        TodoUrgency.Urgent => "紧急",
        _ => "一般",
    };

    public static string Action(TodoAction? action) => action switch
    {
        null => "未记录处理方式",
        TodoAction.CalledBack => "已电话回访",
        TodoAction.AdvisedVisit => "已建议就诊",
        TodoAction.InformedDoctor => "已通知医生",
        TodoAction.Arranged => "已预约/已安排",
        TodoAction.Answered => "已解答",
        TodoAction.NoActionNeeded => "无需处理",
        TodoAction.DataCorrected => "已更正资料",
        TodoAction.Other => "其他",
        _ => action.ToString()!,
    };

    public static string Source(string source) => source switch
    {
        "ai-call" => "AI 电话",
        "sms" => "短信",
        "questionnaire" => "问卷",
        "manual" => "人工随访",
        "task" => "随访任务",
        "his" => "HIS 系统",
        "inbound-call" => "患者来电",
        _ => source,
    };

    public static readonly string[] Sources = ["ai-call", "questionnaire", "manual", "task", "sms", "his", "inbound-call"];
}
