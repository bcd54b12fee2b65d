using System.Text;
using Suifang.Agent.Scripts;

namespace Suifang.Agent.Dialogue;

internal sealed record SummaryFacts(Script Script, Wording Words, CallEnding Ending, IReadOnlyList<CollectedAnswer> Answers,
    IReadOnlyList<string> Skipped, IReadOnlyList<string> SkippedByMemory, IReadOnlyList<Escalation> Escalations,
    DateTime? CallBackAt);

/// <summary>
/// The call summary for the nurse, written like a nurse's follow-up note (6.2): who answered, the findings in answer order
/// ("无发热，伤口无发红，体温37.2℃，吃药情况：按时服用"), what the patient said in their own words when a finding is present,
/// what was not asked, the agreed call-back time, what was handed over, and how the call ended.
/// </summary>
internal static class SummaryWriter
{
    public static string Write(SummaryFacts f)
    {
        var sb = new StringBuilder();
        var reached = f.Answers.Count > 0 || f.Ending is CallEnding.Completed or CallEnding.Partial or CallEnding.HandedOff
            or CallEnding.Refused or CallEnding.CallLater;
        sb.Append("患者").Append(f.Words.Patient);
        if (!reached) sb.Append('。');
        else if (!f.Words.Family) sb.Append("本人接听。");
        else sb.Append("的家属代答").Append(f.Words.Relation is { } r ? "（" + r + "）" : "").Append('。');
        var findings = NoteLines.Findings(f.Script, f.Answers);
        if (findings.Count > 0) sb.AppendJoin("，", findings).Append('。');
        if (f.Skipped.Count > 0) sb.Append("未问到：").AppendJoin("、", f.Skipped.Select(k => Name(f.Script, k))).Append('。');
        if (f.SkippedByMemory.Count > 0)
            sb.Append("本期已答、未重复问：").AppendJoin("、", f.SkippedByMemory.Distinct().Select(k => Name(f.Script, k))).Append('。');
        if (f.CallBackAt is { } at) sb.Append("约定回电：").Append(f.Words.SpokenTime(at)).Append('。');
        if (f.Escalations.Count > 0)
            sb.Append("需处理：").AppendJoin("；", f.Escalations.Select(e => (e.Urgent ? "【紧急】" : "") + e.Reason.TrimEnd('。'))).Append('。');
        sb.Append(Closing(f.Ending)).Append('。');
        return sb.ToString();
    }

    private static string Closing(CallEnding e) => e switch
    {
        CallEnding.Completed => "随访已完成",
        CallEnding.Partial => "随访部分完成",
        _ => "结果：" + EndingName(e),
    };

    private static string Name(Script s, string key) =>
        s.Questions.FirstOrDefault(q => q.Key == key) is { } q ? NoteLines.Name(q) ?? q.Text.TrimEnd('？', '?') : key;

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
