using Suifang.Agent.Dialogue;
using Suifang.Agent.Scripts;
using Suifang.Agent.Understanding;

namespace Suifang.Web.Scripts;

/// Chinese names of the agent's words for the editor and the test console.
internal static class ScriptWords
{
    public static string Type(AnswerType t) => t switch
    {
        AnswerType.YesNo => "是/否",
        AnswerType.Number => "数值",
        AnswerType.Choice => "单选",
        AnswerType.Date => "日期",
        AnswerType.Score => "0–10 评分",
        AnswerType.BloodPressure => "血压",
        _ => "文字",
    };

    public static string Intent(Intent i) => i switch
    {
        Agent.Understanding.Intent.Affirm => "肯定（是/有）",
        Agent.Understanding.Intent.Deny => "否定（不是/没有）",
        Agent.Understanding.Intent.Uncertain => "说不清",
        Agent.Understanding.Intent.Inform => "给出答案",
        Agent.Understanding.Intent.Filler => "语气词（不算回答）",
        Agent.Understanding.Intent.AskRepeat => "请求重复",
        Agent.Understanding.Intent.CallLater => "稍后再打",
        Agent.Understanding.Intent.WrongNumber => "打错了",
        Agent.Understanding.Intent.Deceased => "患者已去世",
        Agent.Understanding.Intent.WhoAreYou => "询问来电身份",
        Agent.Understanding.Intent.Question => "患者提问",
        Agent.Understanding.Intent.WantPerson => "要求转人工",
        Agent.Understanding.Intent.Refuse => "拒绝",
        Agent.Understanding.Intent.Abuse => "辱骂",
        Agent.Understanding.Intent.OffTopic => "答非所问",
        Agent.Understanding.Intent.FamilyMember => "家属代答",
        Agent.Understanding.Intent.IsPatient => "本人接听",
        _ => "没听懂",
    };

    public static string Ending(CallEnding e) => e switch
    {
        CallEnding.InProgress => "通话中",
        CallEnding.Completed => "已完成",
        CallEnding.Partial => "部分完成",
        CallEnding.CallLater => "约定稍后再打",
        CallEnding.WrongNumber => "打错电话",
        CallEnding.Deceased => "患者已去世",
        CallEnding.HandedOff => "转人工回电",
        CallEnding.Refused => "不愿配合",
        CallEnding.Voicemail => "自动留言",
        CallEnding.Interrupted => "通话中断",
        _ => "无应答",
    };

    public static string Symptom(SymptomStatus s) => s switch
    {
        SymptomStatus.Present => "有",
        SymptomStatus.Absent => "没有",
        _ => "说不清",
    };

    public static string Purpose(ScriptPurpose p) => p switch
    {
        ScriptPurpose.Outpatient => "门诊随访",
        ScriptPurpose.Satisfaction => "满意度调查",
        _ => "出院随访",
    };
}
