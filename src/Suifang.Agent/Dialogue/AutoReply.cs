using System.Text.RegularExpressions;

namespace Suifang.Agent.Dialogue;

/// <summary>
/// 自动留言 (5.3.5): recognises a voicemail or auto-reply answering instead of a person — a carrier's voice mail ("请在提示音后
/// 留言"), a phone's call-screening assistant ("我是机主的智能助理，有什么事我会转告"), a personal greeting ("有事请留言"). A rule,
/// not a classifier: the wordings are few and fixed, and a person who says one of these words in passing ("我会转告他") does
/// not match, because each pattern needs two cues together. Tolerates a few ASR-like errors (流言 for 留言, 滴/哔 for 嘀).
/// </summary>
internal static partial class AutoReply
{
    public static bool Recognises(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var t = text.Replace(" ", "", StringComparison.Ordinal);
        return VoiceMail().IsMatch(t) || AfterTone().IsMatch(t) || Owner().IsMatch(t) || Assistant().IsMatch(t)
            || LeaveMessage().IsMatch(t) || English().IsMatch(text);
    }

    /// <summary>语音信箱 / 来电秘书 / 秘书台 / 小秘书.</summary>
    [GeneratedRegex("语音信箱|语音邮箱|来电秘书|秘书台|小秘书|自动回复|自动应答")]
    private static partial Regex VoiceMail();

    /// <summary>"在提示音后/嘀声后/哔声之后 留言": a tone, then a message.</summary>
    [GeneratedRegex("(提示音|嘀|滴|哔|嘟|提示).{0,4}(后|之后).{0,6}(留言|流言|留下|录音|说话)")]
    private static partial Regex AfterTone();

    /// <summary>"机主暂时无法接听 / 机主不方便接听": only recordings call the callee 机主.</summary>
    [GeneratedRegex("(机主|鸡主|用户).{0,8}(无法接听|不能接听|不方便接|暂时无法|正忙|忙)")]
    private static partial Regex Owner();

    /// <summary>A call-screening assistant: "我是……的智能助理/通话助手 …… 转告/有什么事".</summary>
    [GeneratedRegex("(智能助理|智能助手|通话助理|通话助手|来电助理|来电助手|私人助理|AI助理).{0,30}(转告|有什么事|什么事情|请讲|请说|留言)")]
    private static partial Regex Assistant();

    /// <summary>A personal greeting: "不方便接(电话)，有事请留言".</summary>
    [GeneratedRegex("(不方便接|无法接听|不能接听|不在|没空).{0,12}(请留言|请您留言|有事留言|有事请留言|请在.{0,6}留言)")]
    private static partial Regex LeaveMessage();

    [GeneratedRegex("leave (a|your) message|after the (tone|beep)|voice ?mail|not available to take your call", RegexOptions.IgnoreCase)]
    private static partial Regex English();
}
