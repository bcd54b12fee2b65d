using System.Text.RegularExpressions;

namespace Suifang.Core.Sms;

public enum SmsCheckLevel
{
    Error = 1,
    Warning = 2,
    Info = 3,
}

public sealed record SmsCheckFinding(SmsCheckLevel Level, string Message);

public sealed record SmsCheckReport(IReadOnlyList<SmsCheckFinding> Findings, string Preview, int Length, int Segments)
{
    public bool CanSave => Findings.All(f => f.Level != SmsCheckLevel.Error);
}

/// 8.3.2 patient-facing text: a reminder names the time, the place and what to do; every message stays short (one
/// 70-character segment; longer texts are split into 67-character segments and billed per segment) and polite.
public static partial class SmsTemplateCheck
{
    public const int OneSegment = 70;
    public const int LongSegment = 67;

    public static int SegmentsOf(string text) =>
        text.Length <= OneSegment ? 1 : (text.Length + LongSegment - 1) / LongSegment;

    public static SmsCheckReport Check(string? template, SmsPurpose purpose, string signature = "")
    {
        var text = (template ?? "").Trim();
        var findings = new List<SmsCheckFinding>();
        if (text.Length == 0)
            return new([new(SmsCheckLevel.Error, "短信内容是空的，请填写要发给患者的话。")], "", 0, 0);

        foreach (var unknown in SmsTemplateText.VariablesOf(text).Where(v => !SmsTemplateText.Samples.ContainsKey(v)))
            findings.Add(new(SmsCheckLevel.Error, $"不认识的变量 {{{unknown}}}。可用的变量：{string.Join(" ", SmsTemplateText.Samples.Keys.Select(k => "{" + k + "}"))}。"));
        if (text.Count(c => c == '{') != text.Count(c => c == '}'))
            findings.Add(new(SmsCheckLevel.Error, "大括号没有配对：变量要写成 {时间} 这样，左右括号各一个。"));

        if (purpose == SmsPurpose.Reminder)
        {
            if (!Mentions(text, SmsTemplateText.Time) && !TimeWords().IsMatch(text))
                findings.Add(new(SmsCheckLevel.Error, "复诊提醒要写明时间：加入 {时间}，或写出具体日期和钟点。"));
            if (!Mentions(text, SmsTemplateText.Place) && !PlaceWords().IsMatch(text))
                findings.Add(new(SmsCheckLevel.Error, "复诊提醒要写明地点：加入 {地点}，例如“门诊楼3楼心内科”。"));
            if (!Mentions(text, SmsTemplateText.Bring) && !ActionWords().IsMatch(text))
                findings.Add(new(SmsCheckLevel.Error, "复诊提醒要告诉患者要做什么：例如“请携带 {携带物品}”“请空腹”“请按时到诊”。"));
        }
        if (purpose == SmsPurpose.QuestionnaireLink && !Mentions(text, SmsTemplateText.Link))
            findings.Add(new(SmsCheckLevel.Error, "问卷短信要包含问卷链接：加入 {链接}。"));
        if (!text.Contains('您') && !text.Contains('请'))
            findings.Add(new(SmsCheckLevel.Warning, "建议用“您好”“请”等礼貌用语，让患者读来亲切。"));

        var (preview, _) = SmsTemplateText.Fill(text, SmsTemplateText.Samples);
        preview = signature + preview;
        var segments = SegmentsOf(preview);
        if (segments > 1)
            findings.Add(new(SmsCheckLevel.Warning,
                $"按常见的变量长度，这条短信约 {preview.Length} 个字（含签名），超过 {OneSegment} 字，会分成 {segments} 条发送并按 {segments} 条计费。建议精简到 {OneSegment} 字以内。"));
        else
            findings.Add(new(SmsCheckLevel.Info, $"约 {preview.Length} 个字（含签名），一条短信可以发完（{OneSegment} 字以内）。"));
        return new(findings, preview, preview.Length, segments);
    }

    private static bool Mentions(string text, string variable) => text.Contains("{" + variable + "}", StringComparison.Ordinal);

    [GeneratedRegex(@"(\d{1,2}月\d{1,2}[日号])|(\d{1,2}[:：]\d{2})|([上下]午\d{1,2}点)|(\d{4}-\d{1,2}-\d{1,2})")]
    private static partial Regex TimeWords();

    [GeneratedRegex(@"(楼|门诊|诊室|病区|大厅|院区|科\b|号窗口)")]
    private static partial Regex PlaceWords();

    [GeneratedRegex(@"(携带|带上|空腹|请按时|请准时|到诊|就诊|复查|挂号|停药|服药)")]
    private static partial Regex ActionWords();
}
