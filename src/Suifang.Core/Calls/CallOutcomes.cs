using Suifang.Core.Tasks;

namespace Suifang.Core.Calls;

/// What an ended call means for its task (7.2.2): the same answer for the first execution and for any replay of its key.
public static class CallOutcomes
{
    public static TaskOutcome ToTaskOutcome(Call call, DateTime now)
    {
        var simulated = call.Simulated ? "模拟：" : "";
        var summary = simulated + CallText.End(call.End) + (string.IsNullOrEmpty(call.Detail) ? "" : "（" + call.Detail + "）");
        return call.End switch
        {
            CallEnd.Completed or CallEnd.Partial or CallEnd.HandedOff => TaskOutcome.Completed(summary),
            CallEnd.CallLater => TaskOutcome.Postponed(call.CallBackAt is { } at && at > now ? at : now.AddHours(2), summary),
            // 空号: no redial.
            CallEnd.NotReached when call.Unreached == UnreachedReason.InvalidNumber => TaskOutcome.Failed(summary),
            // 5.3.5 号码错误 / 不愿配合: no AI redial; a nurse follows the step up by hand (the number is verified first).
            CallEnd.WrongNumber or CallEnd.Refused => TaskOutcome.ToManual(summary),
            // 已去世: the plans were stopped with the call (CallJournal); nothing falls back.
            CallEnd.Deceased => TaskOutcome.Failed(summary),
            // Not reached, silent, a voicemail (自动留言) or cut off (中断): redial (a new attempt, a new key) while attempts
            // remain; the answers said before a cut-off stay stored with this call.
            CallEnd.Voicemail or CallEnd.Interrupted => TaskOutcome.NotReached(summary),
            _ => TaskOutcome.NotReached(summary),
        };
    }
}
