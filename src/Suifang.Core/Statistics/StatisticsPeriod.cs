namespace Suifang.Core.Statistics;

/// 统计周期 (5.1.7): a day, the week (Monday first), the month, the quarter or the year around a day, or a custom range.
public enum PeriodKind
{
    Day = 1,
    Week = 2,
    Month = 3,
    Quarter = 4,
    Year = 5,
    Custom = 6,
}

/// A range of whole days in hospital local time (every time Suifang stores is the hospital's wall-clock time, see
/// HospitalClock): the rows counted are those at or after the first day's 00:00 and before the day after the last.
public sealed record StatisticsPeriod(PeriodKind Kind, DateOnly First, DateOnly Last)
{
    /// The longest custom range, so that one query never reads more than a few years.
    public const int MaxDays = 3 * 366;

    public DateTime From => First.ToDateTime(TimeOnly.MinValue);
    public DateTime Until => Last.AddDays(1).ToDateTime(TimeOnly.MinValue);
    public int Days => Last.DayNumber - First.DayNumber + 1;

    /// The trend chart shows one point a day up to a quarter, one a month beyond.
    public bool TrendByMonth => Days > 92;

    public static StatisticsPeriod Around(PeriodKind kind, DateOnly day) => kind switch
    {
        PeriodKind.Day => new(kind, day, day),
        PeriodKind.Week => Week(day),
        PeriodKind.Month => new(kind, new DateOnly(day.Year, day.Month, 1), new DateOnly(day.Year, day.Month, 1).AddMonths(1).AddDays(-1)),
        PeriodKind.Quarter => Quarter(day),
        PeriodKind.Year => new(kind, new DateOnly(day.Year, 1, 1), new DateOnly(day.Year, 12, 31)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), "自定义周期请给出开始和结束日期。"),
    };

    /// A custom range, or the reason in Chinese why it cannot be used.
    public static (StatisticsPeriod? Period, string? Error) Custom(DateOnly first, DateOnly last)
    {
        if (last < first)
            return (null, "结束日期早于开始日期，请把结束日期改到开始日期当天或之后。");
        if (last.DayNumber - first.DayNumber + 1 > MaxDays)
            return (null, $"自定义周期最长 {MaxDays} 天，请缩短日期范围。");
        return (new StatisticsPeriod(PeriodKind.Custom, first, last), null);
    }

    /// The same kind of period just before this one (for 上一周期).
    public StatisticsPeriod Previous() => Kind == PeriodKind.Custom
        ? new(Kind, First.AddDays(-Days), First.AddDays(-1))
        : Around(Kind, First.AddDays(-1));

    public StatisticsPeriod Next() => Kind == PeriodKind.Custom
        ? new(Kind, Last.AddDays(1), Last.AddDays(Days))
        : Around(Kind, Last.AddDays(1));

    /// How the period reads in headers and exports, e.g. "2026年第4季度（2026-10-01 至 2026-12-31）".
    public string Label
    {
        get
        {
            var range = First == Last ? $"{First:yyyy-MM-dd}" : $"{First:yyyy-MM-dd} 至 {Last:yyyy-MM-dd}";
            return Kind switch
            {
                PeriodKind.Day => range,
                PeriodKind.Week => $"{First:yyyy-MM-dd} 所在周（{range}）",
                PeriodKind.Month => $"{First.Year}年{First.Month}月（{range}）",
                PeriodKind.Quarter => $"{First.Year}年第{(First.Month - 1) / 3 + 1}季度（{range}）",
                PeriodKind.Year => $"{First.Year}年（{range}）",
                _ => $"自定义（{range}）",
            };
        }
    }

    public static string KindName(PeriodKind kind) => kind switch
    {
        PeriodKind.Day => "日",
        PeriodKind.Week => "周",
        PeriodKind.Month => "月",
        PeriodKind.Quarter => "季度",
        PeriodKind.Year => "年",
        _ => "自定义",
    };

    private static StatisticsPeriod Week(DateOnly day)
    {
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        return new(PeriodKind.Week, monday, monday.AddDays(6));
    }

    private static StatisticsPeriod Quarter(DateOnly day)
    {
        var first = new DateOnly(day.Year, (day.Month - 1) / 3 * 3 + 1, 1);
        return new(PeriodKind.Quarter, first, first.AddMonths(3).AddDays(-1));
    }
}
