using System.Text;
using Suifang.Agent.Scripts;

namespace Suifang.Agent.Dialogue;

internal sealed record SummaryFacts(Script Script, Wording Words, CallEnding Ending, IReadOnlyList<CollectedAnswer> Answers,
    IReadOnlyList<string> Skipped, IReadOnlyList<string> SkippedByMemory, IReadOnlyList<Escalation> Escalations,
    DateTime? CallBackAt);

/// <summary>A short Chinese summary of the call for the nurse.</summary>
internal static class SummaryWriter
{
    public static string Write(SummaryFacts f)
    {
        var sb = new StringBuilder();
        sb.Append(f.Words.Patient).Append(f.Words.Family ? "的家属代答" : "").Append("。结果：").Append(EndingName(f.Ending)).Append('。');
        if (f.Answers.Count > 0)
        {
            sb.Append("回答：");
            sb.AppendJoin("；", f.Answers.Select(a => Describe(f, a)));
            sb.Append('。');
        }
        if (f.Skipped.Count > 0) sb.Append("没有问到：").AppendJoin("、", f.Skipped.Select(k => Name(f.Script, k))).Append('。');
        if (f.SkippedByMemory.Count > 0)
            sb.Append("本期已答、未重复问：").AppendJoin("、", f.SkippedByMemory.Distinct().Select(k => Name(f.Script, k))).Append('。');
        if (f.CallBackAt is { } at) sb.Append("约定回电：").Append(f.Words.SpokenTime(at)).Append('。');
        if (f.Escalations.Count > 0)
            sb.Append("需处理：").AppendJoin("；", f.Escalations.Select(e => (e.Urgent ? "【紧急】" : "") + e.Reason.TrimEnd('。'))).Append('。');
        return sb.ToString();
    }

    private static string Describe(SummaryFacts f, CollectedAnswer a)
    {
        var q = f.Script.Questions.FirstOrDefault(x => x.Key == a.QuestionKey);
        if (q is null) return a.QuestionKey + "：" + a.Value;
        var text = Wording.Label(q).Length > 0 ? f.Words.ReadBack(q, a.Value) : q.Text.TrimEnd('？', '?') + "：" + Plain(a.Value);
        return a.Confirmed ? text + "（已确认）" : text;
    }

    private static string Plain(string value) => value switch { "yes" => "是", "no" => "否", "uncertain" => "说不好", _ => value };

    private static string Name(Script s, string key) =>
        s.Questions.FirstOrDefault(q => q.Key == key) is { } q ? (q.Label ?? q.Text.TrimEnd('？', '?')) : key;

    public static string EndingName(CallEnding e) => e switch
    {
        CallEnding.InProgress => "通话中",
        CallEnding.Completed => "已完成",
        CallEnding.Partial => "部分完成",
        CallEnding.CallLater => "接通不便，约定改时间再打",
        CallEnding.WrongNumber => "打错电话",
        CallEnding.Deceased => "患者已去世",
        CallEnding.HandedOff => "转人工，需回电",
        CallEnding.Refused => "不愿配合",
        CallEnding.NoResponse => "无应答",
        CallEnding.Voicemail => "自动留言",
        CallEnding.Interrupted => "通话中断",
        _ => e.ToString(),
    };
}
