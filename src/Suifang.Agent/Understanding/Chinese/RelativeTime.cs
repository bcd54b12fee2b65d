using System.Text.RegularExpressions;

namespace Suifang.Agent.Understanding.Chinese;

/// <summary>A date and/or time said in an utterance, resolved against the call's local time.</summary>
/// <param name="Time">Null when only a day was named.</param>
internal sealed record SaidTime(int Start, int Length, DateOnly Date, TimeOnly? Time, bool DateNamed)
{
    public DateTime At(TimeOnly fallback) => Date.ToDateTime(Time ?? fallback);
}

/// <summary>
/// Relative dates and times: 今天/明天/后天/大后天/昨天/前天, 下周三, 这周五, 星期一, 月底, 月初, 下个月5号, 12月3号, 5号,
/// 三天后, 上午/下午/晚上 + 三点(半), 半小时后, 一会儿. Weeks run Monday to Sunday (下周三 said on a Sunday is in 3 days).
/// </summary>
internal static partial class RelativeTime
{
    private const string Num = "[0-9零〇一二两三四五六七八九十]+";

    [GeneratedRegex("(大后天|后天|明天|今天|今儿|明儿|昨天|前天|大前天)|(下下|下个|下|这个|这|本|上个|上)?(?:周|星期|礼拜)([一二三四五六日天1-7])|(下个月|这个月|本月)?(" + Num + ")月?(" + Num + ")?[号日]|(月底|月末|月初|下个月初|下个月底|年底)|(" + Num + "|两|几)(天|个星期|周|个礼拜|个月)(以后|之后|后)")]
    private static partial Regex DatePattern();

    [GeneratedRegex("(凌晨|早上|早晨|上午|中午|下午|傍晚|晚上|夜里)?(?<![有好快慢少多大小差])(" + Num + ")[点时](?!儿)钟?(半|一刻|(" + Num + ")分?)?|(凌晨|早上|早晨|上午|晌午后|晌午|中午|下午|傍晚|晚上)")]
    private static partial Regex TimePattern();

    [GeneratedRegex("(半个?小时|(" + Num + "|几|一)个?(小时|钟头)|(" + Num + "|几)分钟|一会儿?|等会儿?|待会儿?|过会儿?)(以后|之后|后|再)?")]
    private static partial Regex DelayPattern();

    public static List<SaidTime> FindAll(string text, DateTime now)
    {
        var found = new List<SaidTime>();
        var today = DateOnly.FromDateTime(now);
        DateOnly? date = null;
        int dateStart = -1, dateEnd = -1;
        var dm = DatePattern().Match(text);
        if (dm.Success && ResolveDate(dm, today) is { } d) { date = d; dateStart = dm.Index; dateEnd = dm.Index + dm.Length; }

        var tm = TimePattern().Match(text);
        TimeOnly? time = null;
        int timeStart = -1, timeEnd = -1;
        if (tm.Success && ResolveTime(tm) is { } t) { time = t; timeStart = tm.Index; timeEnd = tm.Index + tm.Length; }

        if (date is null && time is null)
        {
            var delay = DelayPattern().Match(text);
            if (delay.Success && DelayOf(delay) is { } span)
            {
                var at = now + span;
                found.Add(new SaidTime(delay.Index, delay.Length, DateOnly.FromDateTime(at), TimeOnly.FromDateTime(at), false));
            }
            return found;
        }
        if (date is null && time is { } onlyTime)
        {
            // "三点再打" said at 16:00 means tomorrow; an hour below 7 without 上午/凌晨 is in the afternoon.
            date = onlyTime < TimeOnly.FromDateTime(now) ? today.AddDays(1) : today;
        }
        var start = dateStart >= 0 && timeStart >= 0 ? Math.Min(dateStart, timeStart) : Math.Max(dateStart, timeStart);
        var end = Math.Max(dateEnd, timeEnd);
        found.Add(new SaidTime(start, end - start, date!.Value, time, dateStart >= 0));
        return found;
    }

    private static DateOnly? ResolveDate(Match m, DateOnly today)
    {
        if (m.Groups[1].Success)
            return m.Groups[1].Value switch
            {
                "今天" or "今儿" => today, "明天" or "明儿" => today.AddDays(1), "后天" => today.AddDays(2), "大后天" => today.AddDays(3),
                "昨天" => today.AddDays(-1), "前天" => today.AddDays(-2), "大前天" => today.AddDays(-3), _ => null,
            };
        if (m.Groups[3].Success)
        {
            var day = "一二三四五六日天".IndexOf(m.Groups[3].Value[0]) is var k and >= 0 ? Math.Min(k, 6) : m.Groups[3].Value[0] - '1';
            var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
            var weeks = m.Groups[2].Value switch { "下下" => 2, "下个" or "下" => 1, "上个" or "上" => -1, "这个" or "这" or "本" => 0, _ => -99 };
            if (weeks == -99)
            {
                var thisWeek = monday.AddDays(day);
                return thisWeek >= today ? thisWeek : thisWeek.AddDays(7);
            }
            return monday.AddDays(7 * weeks + day);
        }
        if (m.Groups[5].Success)
        {
            var first = ChineseNumbers.Parse(m.Groups[5].Value);
            var second = m.Groups[6].Success ? ChineseNumbers.Parse(m.Groups[6].Value) : null;
            int month, dayOfMonth;
            if (second is { } s) { month = (int)first!.Value; dayOfMonth = (int)s; }
            else { dayOfMonth = (int)(first ?? 0); month = m.Groups[4].Value.StartsWith('下') ? today.Month % 12 + 1 : today.Month; }
            if (month is < 1 or > 12 || dayOfMonth < 1 || dayOfMonth > 31) return null;
            var year = today.Year;
            var candidate = new DateOnly(year, month, Math.Min(dayOfMonth, DateTime.DaysInMonth(year, month)));
            if (candidate < today && second is null && !m.Groups[4].Success) candidate = candidate.AddMonths(1);
            else if (candidate < today.AddDays(-60) && second is not null) candidate = candidate.AddYears(1);
            return candidate;
        }
        if (m.Groups[7].Success)
        {
            var end = new DateOnly(today.Year, today.Month, DateTime.DaysInMonth(today.Year, today.Month));
            return m.Groups[7].Value switch
            {
                "月初" or "下个月初" => new DateOnly(today.Year, today.Month, 1).AddMonths(1),
                "下个月底" => new DateOnly(today.Year, today.Month, 1).AddMonths(2).AddDays(-1),
                "年底" => new DateOnly(today.Year, 12, 31),
                _ => end,
            };
        }
        if (m.Groups[8].Success)
        {
            var n = m.Groups[8].Value is "两" or "几" ? (m.Groups[8].Value == "几" ? 3 : 2) : (int)(ChineseNumbers.Parse(m.Groups[8].Value) ?? 0);
            return m.Groups[9].Value switch { "天" => today.AddDays(n), "个月" => today.AddMonths(n), _ => today.AddDays(7 * n) };
        }
        return null;
    }

    private static TimeOnly? ResolveTime(Match m)
    {
        var period = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[5].Value;
        if (!m.Groups[2].Success)
            return period switch
            {
                "凌晨" => new TimeOnly(6, 0), "早上" or "早晨" => new TimeOnly(8, 0), "上午" => new TimeOnly(10, 0), "中午" or "晌午" => new TimeOnly(12, 0),
                "下午" or "晌午后" => new TimeOnly(15, 0), "傍晚" => new TimeOnly(17, 0), "晚上" => new TimeOnly(19, 0), _ => null,
            };
        var hour = (int)(ChineseNumbers.Parse(m.Groups[2].Value) ?? -1);
        if (hour is < 0 or > 24) return null;
        var minute = m.Groups[3].Value switch
        {
            "半" => 30, "一刻" => 15, "" => 0,
            _ => (int)(ChineseNumbers.Parse(m.Groups[4].Value) ?? 0),
        };
        if (period is "下午" or "傍晚" or "晚上" or "夜里" && hour < 12) hour += 12;
        else if (period is "中午" && hour < 6) hour += 12;
        else if (period.Length == 0 && hour is >= 1 and <= 6) hour += 12;
        if (hour == 24) hour = 0;
        return minute is >= 0 and < 60 ? new TimeOnly(hour, minute) : null;
    }

    private static TimeSpan? DelayOf(Match m)
    {
        var said = m.Groups[1].Value;
        if (said.StartsWith("半")) return TimeSpan.FromMinutes(30);
        if (m.Groups[3].Success) return TimeSpan.FromHours(m.Groups[2].Value == "几" ? 2 : ChineseNumbers.Parse(m.Groups[2].Value) ?? 1);
        if (m.Groups[4].Success) return TimeSpan.FromMinutes(m.Groups[4].Value == "几" ? 10 : ChineseNumbers.Parse(m.Groups[4].Value) ?? 10);
        return TimeSpan.FromMinutes(30); // 一会儿, 等会儿
    }
}
