using Suifang.Core.Pathways;
using Suifang.Core.Tasks;

namespace Suifang.Core.Contact;

/// The decision of the contact gate, without a database (7.2.2, 5.2.2). In order:
/// 1. do-not-call list → Refuse; 2. consent withdrawn, or not recorded where the hospital requires it → Refuse
/// (a nurse's manual call may still ask for it); 3. the hard rules — calling hours with holidays and quiet periods
/// (voice) or SMS quiet hours (SMS, questionnaire), "no repeat call within X days" (voice), the daily contact cap
/// (all channels), the pre-call notice's lead time (voice) — give the earliest moment at which all of them hold,
/// found by moving forward until no rule moves it; if that is later than now → Postpone to it;
/// 4. best time to call (voice): Postpone to the patient's best hour today when it is ahead, callable and before DueTo.
public static class ContactRules
{
    /// Safety bound of the fixpoint; each round moves at least to the next window, cap day or no-repeat end.
    private const int MaxRounds = 2_000;

    public static ContactDecision Decide(ContactPolicy policy, ContactTask task, ContactFacts facts, DateTime now)
    {
        // 5.3.5: the marks a call left (CallFlags).
        if (facts.DeceasedReason is { } deceased)
            return new ContactDecision.Refuse($"患者已标记为去世（{deceased}），不再联系。");
        if (facts.WrongNumberReason is { } wrong && task.Channel != ChannelKind.Manual)
            return new ContactDecision.Refuse($"患者的联系电话已标记为错误（{wrong}），请护士核实并更正号码后再联系。");
        if (facts.UncooperativeReason is { } refused && task.Channel == ChannelKind.AiCall)
            return new ContactDecision.Refuse($"患者已标记为不愿配合（{refused}），不再 AI 外呼，请护士人工随访。");
        if (facts.DoNotContactReason is { } dnc)
            return new ContactDecision.Refuse($"患者在免打扰名单中（{dnc}），不再联系。");
        if (facts.Consent == ConsentState.Withdrawn)
            return new ContactDecision.Refuse($"患者已于 {facts.ConsentDecidedAt:yyyy-MM-dd} 撤回随访知情同意，不再联系。");
        if (facts.Consent == ConsentState.NotRecorded && policy.ConsentRequired && task.Channel != ChannelKind.Manual)
            return new ContactDecision.Refuse("本院要求先登记随访知情同意，该患者尚未登记；请护士电话征得同意并在患者档案中登记后重新发起。");

        var (allowedAt, reasons) = EarliestAllowed(policy, task, facts, now, now);
        if (allowedAt is not { } at)
            return new ContactDecision.Postpone(now.Date.AddDays(1), "本院没有设置任何可呼叫的时间段，请管理员在“联系规则”中设置呼叫时间。");
        if (at > now)
            return new ContactDecision.Postpone(at, string.Join("；", reasons));

        if (task.IsVoice && policy.BestTimeEnabled
            && BestCallTime.PostponeTo(policy, task, facts, now) is { } best)
            return new ContactDecision.Postpone(best.At, $"该患者以往多在 {best.Hour}:00–{best.Hour + 1}:00 接听电话，推迟到今天 {best.At:HH:mm} 再呼叫。");
        return ContactDecision.Allow;
    }

    /// True when the hard rules (not the best-time preference) allow the task at t, as known at now.
    public static bool HardRulesAllow(ContactPolicy policy, ContactTask task, ContactFacts facts, DateTime now, DateTime t) =>
        EarliestAllowed(policy, task, facts, now, t).At == t;

    /// The first moment at or after `from` when every hard rule holds, as known at now, and why it is later than `from`.
    public static (DateTime? At, List<string> Reasons) EarliestAllowed(ContactPolicy policy, ContactTask task, ContactFacts facts, DateTime now, DateTime from)
    {
        var reasons = new List<string>();
        var t = from;
        for (var round = 0; round < MaxRounds; round++)
        {
            var moved = false;
            foreach (var rule in Rules(task))
            {
                var (next, why) = rule(policy, task, facts, now, t);
                if (next is null)
                    return (null, reasons);
                if (next.Value > t)
                {
                    t = next.Value;
                    moved = true;
                    if (!reasons.Contains(why))
                        reasons.Add(why);
                }
            }
            if (!moved)
                return (t, reasons);
        }
        return (null, reasons);
    }

    private delegate (DateTime? Next, string Why) Rule(ContactPolicy policy, ContactTask task, ContactFacts facts, DateTime now, DateTime t);

    private static IEnumerable<Rule> Rules(ContactTask task) =>
        task.IsVoice ? [CallingHours, NoRepeat, DailyCap, NoticeLead] : [SmsHours, DailyCap];

    private static (DateTime?, string) CallingHours(ContactPolicy p, ContactTask task, ContactFacts f, DateTime now, DateTime t) =>
        (p.Schedule.NextCallMoment(t), "不在呼叫时间内（含节假日和免打扰时段）");

    private static (DateTime?, string) SmsHours(ContactPolicy p, ContactTask task, ContactFacts f, DateTime now, DateTime t) =>
        (p.Schedule.NextSmsMoment(t), "短信免打扰时段内不发送");

    /// 5.2.2: after a reached call on day D, no other call on D … D+X−1. The same plan step's calls are not repeats.
    private static (DateTime?, string) NoRepeat(ContactPolicy p, ContactTask task, ContactFacts f, DateTime now, DateTime t)
    {
        if (p.NoRepeatDays <= 0)
            return (t, "");
        var until = t;
        foreach (var r in f.ReachedCalls)
        {
            if (r.TaskId == task.Id || (r.PlanStepId is not null && r.PlanStepId == task.PlanStepId))
                continue;
            var end = r.At.Date.AddDays(p.NoRepeatDays);
            if (end > until)
                until = end;
        }
        return (until, $"{p.NoRepeatDays} 天内已接通过该患者的电话，不重复外呼");
    }

    /// At most DailyContactCap follow-ups a day; a task that already tried today (a redial) is not a new contact.
    private static (DateTime?, string) DailyCap(ContactPolicy p, ContactTask task, ContactFacts f, DateTime now, DateTime t)
    {
        if (p.DailyContactCap <= 0)
            return (t, "");
        var day = t.Date;
        var today = f.Attempts.Where(a => a.At.Date == day).Select(a => a.TaskId).ToHashSet();
        if (today.Contains(task.Id) || today.Count < p.DailyContactCap)
            return (t, "");
        return (day.AddDays(1), $"该患者当天已被联系 {today.Count} 次，达到每日上限 {p.DailyContactCap} 次");
    }

    /// 首呼前短信告知: the first call waits PreCallNoticeHours after the notice went out (or would go out).
    private static (DateTime?, string) NoticeLead(ContactPolicy p, ContactTask task, ContactFacts f, DateTime now, DateTime t)
    {
        if (f.Notice is not { } n)
            return (t, "");
        var why = $"首呼前短信告知发出后需等待 {p.PreCallNoticeHours} 小时";
        if (n.SentAt is { } sent)
            return (Later(t, sent.AddHours(p.PreCallNoticeHours)), why);
        if (n.Open)
            return (Later(t, Later(now, n.NextAttemptAt).AddHours(p.PreCallNoticeHours)), "首呼前短信告知尚未发出，先发短信再呼叫");
        return (t, "");
    }

    private static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;
}
