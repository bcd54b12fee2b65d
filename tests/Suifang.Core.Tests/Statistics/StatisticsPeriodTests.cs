using Suifang.Core.Statistics;

namespace Suifang.Core.Tests.Statistics;

/// 5.1.7 periods: day, week (Monday first), month, quarter, year and a custom range, as whole days in hospital time.
public sealed class StatisticsPeriodTests
{
    [Theory]
    [InlineData(PeriodKind.Day, "2026-11-18", "2026-11-18", "2026-11-18")]
    [InlineData(PeriodKind.Week, "2026-11-18", "2026-11-16", "2026-11-22")]
    [InlineData(PeriodKind.Week, "2026-11-22", "2026-11-16", "2026-11-22")]
    [InlineData(PeriodKind.Month, "2026-02-10", "2026-02-01", "2026-02-28")]
    [InlineData(PeriodKind.Quarter, "2026-11-18", "2026-10-01", "2026-12-31")]
    [InlineData(PeriodKind.Quarter, "2026-01-01", "2026-01-01", "2026-03-31")]
    [InlineData(PeriodKind.Year, "2026-11-18", "2026-01-01", "2026-12-31")]
    public void A_period_around_a_day_covers_whole_days(PeriodKind kind, string day, string first, string last)
    {
        var period = StatisticsPeriod.Around(kind, DateOnly.Parse(day));

        Assert.Equal(DateOnly.Parse(first), period.First);
        Assert.Equal(DateOnly.Parse(last), period.Last);
        Assert.Equal(DateOnly.Parse(first).ToDateTime(TimeOnly.MinValue), period.From);
        Assert.Equal(DateOnly.Parse(last).AddDays(1).ToDateTime(TimeOnly.MinValue), period.Until);
    }

    [Fact]
    public void Previous_and_next_move_by_one_period_of_the_same_kind()
    {
        var quarter = StatisticsPeriod.Around(PeriodKind.Quarter, new DateOnly(2026, 11, 18));

        Assert.Equal(new DateOnly(2026, 7, 1), quarter.Previous().First);
        Assert.Equal(new DateOnly(2027, 3, 31), quarter.Next().Last);
        var (custom, _) = StatisticsPeriod.Custom(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 10));
        Assert.Equal(new DateOnly(2026, 10, 22), custom!.Previous().First);
        Assert.Equal(new DateOnly(2026, 10, 31), custom.Previous().Last);
    }

    [Fact]
    public void A_custom_range_ending_before_it_starts_is_refused_in_chinese()
    {
        var (period, error) = StatisticsPeriod.Custom(new DateOnly(2026, 11, 10), new DateOnly(2026, 11, 1));

        Assert.Null(period);
        Assert.Contains("结束日期早于开始日期", error);
        Assert.NotNull(StatisticsPeriod.Custom(new DateOnly(2020, 1, 1), new DateOnly(2026, 1, 1)).Error);
    }

    [Fact]
    public void The_trend_shows_days_up_to_a_quarter_and_months_beyond()
    {
        Assert.False(StatisticsPeriod.Around(PeriodKind.Quarter, new DateOnly(2026, 11, 1)).TrendByMonth);
        Assert.True(StatisticsPeriod.Around(PeriodKind.Year, new DateOnly(2026, 11, 1)).TrendByMonth);
    }
}
