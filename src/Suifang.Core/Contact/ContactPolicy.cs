namespace Suifang.Core.Contact;

/// A hospital's contact settings read into the form the rules use.
public sealed record ContactPolicy(
    CallingSchedule Schedule,
    int DailyContactCap,
    int NoRepeatDays,
    bool ConsentRequired,
    bool BestTimeEnabled,
    bool PreCallNoticeEnabled,
    int PreCallNoticeHours,
    string? CallerNumber,
    int Revision)
{
    /// Monday-first settings text → DayOfWeek-indexed periods. Text that does not read as a period is skipped here;
    /// ContactSettingsRules refuses it before it is saved.
    public static ContactPolicy From(ContactSettings s, IEnumerable<DateOnly> holidays)
    {
        var weekly = new IReadOnlyList<DayPeriod>[7];
        for (var i = 0; i < 7; i++)
        {
            var text = i < s.CallingHours.Count ? s.CallingHours[i] : "";
            weekly[(int)WeekdayOf(i)] = Periods(text).Where(p => !p.CrossesMidnight).ToList();
        }
        var smsQuiet = Periods(s.SmsQuietHours).Cast<DayPeriod?>().FirstOrDefault();
        var schedule = new CallingSchedule(weekly, Periods(s.QuietPeriods).ToList(), holidays.ToHashSet(), smsQuiet);
        return new ContactPolicy(schedule, s.DailyContactCap, s.NoRepeatDays, s.ConsentRequired, s.BestTimeEnabled,
            s.PreCallNoticeEnabled, s.PreCallNoticeHours, s.CallerNumber, s.Revision);
    }

    /// Index in ContactSettings.CallingHours (0 = Monday) → weekday.
    public static DayOfWeek WeekdayOf(int mondayFirstIndex) => (DayOfWeek)((mondayFirstIndex + 1) % 7);

    private static IEnumerable<DayPeriod> Periods(string? text) =>
        DayPeriod.SplitList(text).Select(DayPeriod.Parse).Where(p => p is not null && p.Value.FromMinute != p.Value.ToMinute).Select(p => p!.Value);
}
