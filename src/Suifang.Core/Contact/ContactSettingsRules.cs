namespace Suifang.Core.Contact;

public sealed record ContactSettingsInput(
    IReadOnlyList<string> CallingHours,
    string? QuietPeriods,
    string? SmsQuietHours,
    int DailyContactCap,
    int NoRepeatDays,
    bool ConsentRequired,
    bool BestTimeEnabled,
    bool PreCallNoticeEnabled,
    int PreCallNoticeHours,
    string? CallerNumber)
{
    public static ContactSettingsInput From(ContactSettings s) => new(
        s.CallingHours.Concat(Enumerable.Repeat("", 7)).Take(7).ToList(), s.QuietPeriods, s.SmsQuietHours, s.DailyContactCap,
        s.NoRepeatDays, s.ConsentRequired, s.BestTimeEnabled, s.PreCallNoticeEnabled, s.PreCallNoticeHours, s.CallerNumber);
}

/// Checks settings before they are saved; every message says what is wrong and how to write it instead.
public static class ContactSettingsRules
{
    public static readonly string[] WeekdayNames = ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"];

    public static List<string> Check(ContactSettingsInput input)
    {
        var errors = new List<string>();
        if (input.CallingHours is not { Count: 7 })
        {
            errors.Add("呼叫时间需要按星期一到星期日填写 7 天（某天不呼叫就留空）。");
            return errors;
        }
        for (var i = 0; i < 7; i++)
            errors.AddRange(CheckCallingDay(WeekdayNames[i], input.CallingHours[i]));
        if (errors.Count == 0 && input.CallingHours.All(d => DayPeriod.SplitList(d).Count() == 0))
            errors.Add("一周中至少要有一个呼叫时间段，否则电话随访永远无法拨出。");

        foreach (var text in DayPeriod.SplitList(input.QuietPeriods))
            errors.AddRange(CheckQuiet("免打扰时段", text));
        if (errors.Count == 0 && !LeavesCallingTime(input))
            errors.Add("免打扰时段盖住了全部呼叫时间，电话随访将永远无法拨出；请缩短免打扰时段或增加呼叫时间段。");
        var sms = DayPeriod.SplitList(input.SmsQuietHours).ToList();
        if (sms.Count > 1)
            errors.Add("短信免打扰只能填一个时间段，例如 21:00-08:00（可跨过午夜）。");
        foreach (var text in sms)
            errors.AddRange(CheckQuiet("短信免打扰", text));

        if (input.DailyContactCap is < 1 or > 10)
            errors.Add("每日联系上限应在 1 到 10 次之间（同一任务的重拨只算一次）。");
        if (input.NoRepeatDays is < 0 or > 90)
            errors.Add("“X 天内不重复外呼”的天数应在 0 到 90 之间；填 0 表示不限制。");
        if (input.PreCallNoticeHours is < 1 or > 72)
            errors.Add("首呼前短信告知的提前时间应在 1 到 72 小时之间。");
        var caller = (input.CallerNumber ?? "").Trim();
        if (caller.Length > 0 && (caller.Length > 20 || !caller.All(c => char.IsAsciiDigit(c) || c is '-' or ' ')
            || caller.Count(char.IsAsciiDigit) < 5))
            errors.Add("外呼号码只能包含数字和“-”，至少 5 位，例如 0571-87654321 或 95120。");
        return errors;
    }

    private static IEnumerable<string> CheckCallingDay(string day, string? text)
    {
        var periods = new List<DayPeriod>();
        foreach (var part in DayPeriod.SplitList(text))
        {
            if (DayPeriod.Parse(part) is not { } p)
            {
                yield return $"{day}的“{part}”不是时间段，请按 09:00-11:30 的格式填写，多个时间段用逗号分隔。";
                continue;
            }
            if (p.ToMinute == p.FromMinute)
                yield return $"{day}的时间段 {p} 开始和结束相同，请填写一段时间，例如 09:00-11:30。";
            else if (p.ToMinute < p.FromMinute)
                yield return $"{day}的时间段 {p} 结束时间早于开始时间，请把较早的时间写在前面，例如 {DayPeriod.Clock(p.ToMinute)}-{DayPeriod.Clock(p.FromMinute)}；呼叫时间不能跨过午夜。";
            else
                periods.Add(p);
        }
        var sorted = periods.OrderBy(p => p.FromMinute).ToList();
        for (var i = 1; i < sorted.Count; i++)
            if (sorted[i].FromMinute < sorted[i - 1].ToMinute)
                yield return $"{day}的时间段 {sorted[i - 1]} 和 {sorted[i]} 重叠，请合并为一个时间段。";
    }

    private static IEnumerable<string> CheckQuiet(string what, string text)
    {
        if (DayPeriod.Parse(text) is not { } p)
            yield return $"{what}“{text}”不是时间段，请按 12:00-13:30 的格式填写。";
        else if (p.FromMinute == p.ToMinute)
            yield return $"{what} {p} 开始和结束相同，请填写一段时间，例如 12:00-13:30。";
    }

    private static bool LeavesCallingTime(ContactSettingsInput input)
    {
        var settings = ContactSettings.Defaults(0);
        (settings.CallingHours, settings.QuietPeriods) = (input.CallingHours.ToList(), input.QuietPeriods ?? "");
        var schedule = ContactPolicy.From(settings, []).Schedule;
        var monday = new DateOnly(2024, 1, 1);
        return Enumerable.Range(0, 7).Any(i => schedule.CallWindows(monday.AddDays(i)).Count > 0);
    }

    /// Canonical text of a day's periods: "09:00-11:30,14:00-20:00" in time order.
    public static string Canonical(string? text) =>
        string.Join(',', DayPeriod.SplitList(text).Select(DayPeriod.Parse).Where(p => p is not null)
            .Select(p => p!.Value).OrderBy(p => p.FromMinute).Select(p => p.ToString()));

    public static string? CanonicalNumber(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
