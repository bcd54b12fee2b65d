using Suifang.Core.Calls;
using Suifang.Core.Todos;

namespace Suifang.Web.Calls;

/// Words shown for values stored in code form.
internal static class CallNames
{
    public static string Value(string value) => value switch
    {
        "yes" => "是",
        "no" => "否",
        "uncertain" => "不确定",
        _ => value,
    };

    public static string Source(ResultSource source) => source switch
    {
        ResultSource.AiCall => "AI 外呼",
        ResultSource.Sms => "短信",
        ResultSource.Questionnaire => "问卷",
        _ => "人工随访",
    };

    public static string Kind(TodoKind kind) => kind switch
    {
        TodoKind.Unreached => "未接通",
        TodoKind.Abnormal => "异常",
        TodoKind.Handoff => "转人工",
        TodoKind.RedFlag => "危险信号",
        TodoKind.CallBack => "来电待回复",
        TodoKind.VerifyNumber => "核实号码",
        TodoKind.VerifyDeceased => "核实去世",
        _ => "待解答问题",
    };

    public static string Urgency(TodoUrgency urgency) => urgency switch
    {
        TodoUrgency.Critical => "危急",
        TodoUrgency.Urgent => "紧急",
        _ => "一般",
    };

    public static string Intent(string? intent) => intent switch
    {
        "Affirm" => "肯定", "Deny" => "否定", "Uncertain" => "不确定", "Inform" => "回答", "Filler" => "语气词",
        "AskRepeat" => "请求重复", "CallLater" => "稍后再打", "WrongNumber" => "打错了", "Deceased" => "已去世",
        "WhoAreYou" => "询问身份", "Question" => "提问", "WantPerson" => "转人工", "Refuse" => "拒绝", "Abuse" => "辱骂",
        "OffTopic" => "答非所问", "FamilyMember" => "家属代答", "IsPatient" => "本人", null => "",
        _ => "未识别",
    };
}
