using Suifang.Core.Contact;

namespace Suifang.Core.Tests.Contact;

/// Settings for the contact tests. 2026-11-30 is a Monday.
internal static class Schedules
{
    public static readonly DateTime Monday = new(2026, 11, 30);

    public static ContactSettings Settings(string weekdays = "09:00-11:30,14:00-20:00", string saturday = "09:00-11:30", string sunday = "",
        string quiet = "12:00-13:30", string sms = "21:00-08:00", int cap = 2, int noRepeat = 3, bool bestTime = false)
    {
        var s = ContactSettings.Defaults(1);
        s.CallingHours = [weekdays, weekdays, weekdays, weekdays, weekdays, saturday, sunday];
        (s.QuietPeriods, s.SmsQuietHours, s.DailyContactCap, s.NoRepeatDays, s.BestTimeEnabled) = (quiet, sms, cap, noRepeat, bestTime);
        return s;
    }

    public static ContactPolicy Policy(ContactSettings? settings = null, params DateOnly[] holidays) =>
        ContactPolicy.From(settings ?? Settings(), holidays);

    public static DateTime At(this DateTime day, string clock) => day.Date + TimeSpan.Parse(clock, System.Globalization.CultureInfo.InvariantCulture);
}
