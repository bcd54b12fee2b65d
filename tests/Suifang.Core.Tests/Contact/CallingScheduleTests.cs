using Suifang.Core.Contact;

namespace Suifang.Core.Tests.Contact;

/// 7.2.2: calls only inside the hospital's calling hours, never on holidays or in quiet periods.
public sealed class CallingScheduleTests
{
    private static readonly DateTime Monday = Schedules.Monday;

    [Theory]
    [InlineData("08:59", false)]
    [InlineData("09:00", true)]
    [InlineData("11:29", true)]
    [InlineData("11:30", false)]
    [InlineData("13:59", false)]
    [InlineData("14:00", true)]
    [InlineData("19:59", true)]
    [InlineData("20:00", false)]
    public void A_call_is_allowed_only_inside_the_weekday_periods_whose_end_is_exclusive(string clock, bool allowed) =>
        Assert.Equal(allowed, Schedules.Policy().Schedule.CallAllowedAt(Monday.At(clock)));

    [Fact]
    public void After_the_last_period_of_the_day_the_next_moment_is_the_first_period_of_the_next_day_across_midnight()
    {
        var schedule = Schedules.Policy().Schedule;
        Assert.Equal(Monday.AddDays(1).At("09:00"), schedule.NextCallMoment(Monday.At("20:00")));
        Assert.Equal(Monday.AddDays(1).At("09:00"), schedule.NextCallMoment(Monday.At("23:59:59")));
        Assert.Equal(Monday.At("14:00"), schedule.NextCallMoment(Monday.At("11:45")));
        Assert.Equal(Monday.At("10:17:42"), schedule.NextCallMoment(Monday.At("10:17:42")));
    }

    [Fact]
    public void Saturday_afternoon_and_Sunday_have_no_calls_so_the_next_moment_is_Monday_morning()
    {
        var saturday = Monday.AddDays(5);
        Assert.Equal(DayOfWeek.Saturday, saturday.DayOfWeek);
        var schedule = Schedules.Policy().Schedule;
        Assert.Equal(Monday.AddDays(7).At("09:00"), schedule.NextCallMoment(saturday.At("11:30")));
        Assert.Equal(Monday.AddDays(7).At("09:00"), schedule.NextCallMoment(saturday.AddDays(1).At("10:00")));
    }

    [Fact]
    public void A_holiday_has_no_calls_and_a_run_of_holidays_is_skipped_to_the_first_working_period()
    {
        var tuesday = DateOnly.FromDateTime(Monday.AddDays(1));
        var schedule = Schedules.Policy(null, tuesday, tuesday.AddDays(1)).Schedule;
        Assert.False(schedule.CallAllowedAt(Monday.AddDays(1).At("10:00")));
        Assert.Equal(Monday.AddDays(3).At("09:00"), schedule.NextCallMoment(Monday.At("19:59:30").AddMinutes(1)));
    }

    [Fact]
    public void The_quiet_period_cuts_a_calling_period_in_two()
    {
        var schedule = Schedules.Policy(Schedules.Settings(weekdays: "09:00-20:00", quiet: "12:00-13:30")).Schedule;
        Assert.True(schedule.CallAllowedAt(Monday.At("11:59")));
        Assert.False(schedule.CallAllowedAt(Monday.At("12:00")));
        Assert.False(schedule.CallAllowedAt(Monday.At("13:29")));
        Assert.Equal(Monday.At("13:30"), schedule.NextCallMoment(Monday.At("12:10")));
        Assert.Equal([(540, 720), (810, 1200)], schedule.CallWindows(DateOnly.FromDateTime(Monday)));
    }

    [Fact]
    public void A_quiet_period_across_midnight_silences_the_evening_and_the_early_morning()
    {
        var schedule = Schedules.Policy(Schedules.Settings(weekdays: "07:00-23:00", quiet: "21:30-07:30")).Schedule;
        Assert.False(schedule.CallAllowedAt(Monday.At("07:15")));
        Assert.True(schedule.CallAllowedAt(Monday.At("07:30")));
        Assert.False(schedule.CallAllowedAt(Monday.At("22:00")));
        Assert.Equal(Monday.AddDays(1).At("07:30"), schedule.NextCallMoment(Monday.At("21:30")));
    }

    [Fact]
    public void A_period_may_run_to_midnight_and_the_next_day_starts_its_own_periods()
    {
        var schedule = Schedules.Policy(Schedules.Settings(weekdays: "18:00-24:00", quiet: "")).Schedule;
        Assert.True(schedule.CallAllowedAt(Monday.At("23:59:59")));
        Assert.False(schedule.CallAllowedAt(Monday.AddDays(1).At("00:00")));
        Assert.Equal(Monday.AddDays(1).At("18:00"), schedule.NextCallMoment(Monday.AddDays(1).At("00:00")));
    }

    [Theory]
    [InlineData("20:59", "20:59")]
    [InlineData("21:00", "08:00+1")]
    [InlineData("23:30", "08:00+1")]
    [InlineData("00:00", "08:00")]
    [InlineData("07:59", "08:00")]
    [InlineData("08:00", "08:00")]
    public void Sms_wait_until_the_end_of_the_sms_quiet_hours_across_midnight(string at, string next)
    {
        var expected = next.EndsWith("+1", StringComparison.Ordinal) ? Monday.AddDays(1).At(next[..^2]) : Monday.At(next);
        Assert.Equal(expected, Schedules.Policy().Schedule.NextSmsMoment(Monday.At(at)));
    }

    [Fact]
    public void Sms_are_not_stopped_by_holidays()
    {
        var schedule = Schedules.Policy(null, DateOnly.FromDateTime(Monday)).Schedule;
        Assert.True(schedule.SmsAllowedAt(Monday.At("10:00")));
        Assert.False(schedule.CallAllowedAt(Monday.At("10:00")));
    }

    [Fact]
    public void The_seeded_holidays_are_the_published_2026_days_off_and_the_2027_statutory_days()
    {
        var days = ChineseHolidays.Seed.Select(h => h.Date).ToHashSet();
        Assert.Contains(new DateOnly(2026, 2, 15), days);
        Assert.Contains(new DateOnly(2026, 2, 23), days);
        Assert.DoesNotContain(new DateOnly(2026, 2, 14), days);
        Assert.Contains(new DateOnly(2026, 10, 7), days);
        Assert.Contains(new DateOnly(2027, 2, 6), days);
        Assert.Equal(33 + 13, days.Count);
    }
}
