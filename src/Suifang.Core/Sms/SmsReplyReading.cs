using System.Text.RegularExpressions;

namespace Suifang.Core.Sms;

/// Reads a patient's reply for what the inbox must do: an opt-out ("TD", "退订"), a wish to talk with someone, or a
/// complaint of a symptom (then a nurse gets a to-do, 7.2.4). Deliberately plain word lists: a reply is a few words, a
/// missed request is still in the inbox for staff to read, and a negated symptom ("不疼了", "没有发烧") is not a complaint.
public static partial class SmsReplyReading
{
    public static SmsReplyKind Classify(string? text)
    {
        var t = (text ?? "").Trim();
        if (t.Length == 0)
            return SmsReplyKind.Other;
        if (SmsReplies.IsOptOut(t) || t.Contains("退订", StringComparison.Ordinal))
            return SmsReplyKind.OptOut;
        if (Symptom().Matches(t).Any(m => !Negated(t, m.Index)))
            return SmsReplyKind.Symptom;
        if (Talk().IsMatch(t))
            return SmsReplyKind.WantsToTalk;
        return SmsReplyKind.Other;
    }

    /// "不", "没", "没有", "无", "不再" right before the word (at most two characters of "再/有/太" between).
    private static bool Negated(string text, int index)
    {
        var before = text[Math.Max(0, index - 3)..index];
        return NegationBefore().IsMatch(before);
    }

    [GeneratedRegex("(疼|痛|发烧|发热|高烧|出血|流血|渗血|头晕|头昏|胸闷|胸口闷|心慌|心悸|气短|气促|喘不上气|呼吸困难|呕吐|恶心|咳嗽|咳血|肿|红肿|化脓|流脓|不舒服|难受|晕倒|昏迷|抽搐|麻木|无力|拉肚子|腹泻|便血|黑便|尿血|血压高|血糖高)")]
    private static partial Regex Symptom();

    [GeneratedRegex("(回电|回个电话|来电话|打电话|打个电话|给我打|打给我|联系我|找人工|转人工|人工|找医生|找护士|问医生|问护士|跟医生|和医生|想问|请问|咨询|怎么办|能不能|可以吗|帮我)")]
    private static partial Regex Talk();

    [GeneratedRegex("(不|没|没有|无|未)[再有太怎]?$")]
    private static partial Regex NegationBefore();
}
