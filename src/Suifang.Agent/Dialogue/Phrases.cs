namespace Suifang.Agent.Dialogue;

/// <summary>The agent's own sentences (outside the script): plain, short and polite (8.1.1), no medical advice of its own.</summary>
internal static class Phrases
{
    public const string Ok = "好的。";
    public const string Start = "好的，下面问您几个简单的问题。";
    public const string StartFamily = "好的，麻烦您帮忙回答几个问题。";
    public const string AskAgainIdentity = "请问您是{patient}本人，还是家属呢？";
    public const string SilenceFirst = "喂，您好，您能听到我说话吗？";
    public const string SilenceSecond = "{patient}，您还在吗？";
    public const string SilenceEnd = "可能您现在不方便，我们改天再联系您。祝您身体健康，再见。";
    public const string NotUnderstood = "不好意思，我没有听明白。";
    public const string FillerYesNo = "请问是有，还是没有呢？";
    public const string FillerOther = "您请说。";
    public const string SayAgainNumber = "这个数好像不太对，麻烦您再说一次。";
    public const string Skip = "没关系，这个问题我们先跳过。";
    public const string ConfirmTail = "，对吗？";
    public const string ConfirmAgain = "那请您再说一次，";
    public const string AskCallTime = "好的，请问您什么时候方便，我们再打给您？";
    public const string CallLaterAt = "好的，我们{time}再给您打电话。打扰了，再见。";
    public const string CallLaterNoTime = "好的，我们晚些时候再给您打电话。打扰了，再见。";
    public const string WrongNumber = "对不起，打扰您了。祝您生活愉快，再见。";
    public const string Deceased = "非常抱歉听到这个消息，请您节哀保重。我们会更新记录，不再打扰。再见。";
    public const string WhoAreYou = "我是{hospital}{department}的AI智能随访助手，打电话是想了解一下{patient}最近的恢复情况。";
    public const string Resume = "我们接着说，";
    public const string NurseWillCall = "这个问题我需要请护士帮您解答，稍后会有护士给您回电话。";
    public const string HandOff = "好的，我会请护士尽快给您回电话，请保持电话畅通。再见。";
    public const string Alarming = "您说的{symptom}情况需要尽快处理。如果现在很难受，请马上拨打120或者去最近的医院急诊。我们会请医生尽快给您回电话。再见。";
    /// <summary>Left on a voicemail: no health details (others may hear it), who called, and how to call back.</summary>
    public const string Voicemail = "您好，这里是{hospital}的AI随访助手，想了解一下{patient}出院后的恢复情况。";
    public const string VoicemailCallBack = "方便的话请回电{number}。";
    public const string VoicemailEnd = "我们之后会再打给您。谢谢，再见。";
    public const string Refused = "好的，不打扰您了。祝您身体健康，再见。";
    public const string Clarify = "刚才您说{before}，现在又说{now}。请问到底有没有{term}呢？";
    public const string TooLong = "今天先问到这里，之后护士会再联系您。再见。";
    public const string DtmfYesNo = "也可以按键：{keys}。";
    public const string DtmfNumber = "也可以直接按数字键，小数点请按星号键，按完请按井号键。";
}
