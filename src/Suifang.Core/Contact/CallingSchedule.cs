namespace Suifang.Core.Contact;

/// When a hospital may contact patients (7.2.2): calling periods per weekday, holidays without calls, quiet periods
/// inside the periods (voice channels), and the SMS quiet hours (SMS and questionnaire links; holidays do not stop SMS).
/// All times are hospital local time. Pure: the gate, the settings page and the tests share it.
public sealed class CallingSchedule
{
    /// How far ahead the next calling moment is looked for; more than any run of holidays.
    public const int SearchDays = 800;

    private readonly IReadOnlyList<DayPeriod>[] _weekly;
    private readonly IReadOnlyList<DayPeriod> _quiet;
    private readonly IReadOnlySet<DateOnly> _holidays;
    private readonly DayPeriod? _smsQuiet;

    /// weekly: seven lists indexed by DayOfWeek (Sunday = 0). Calling periods must not cross midnight.
    public CallingSchedule(IReadOnlyList<DayPeriod>[] weekly, IReadOnlyList<DayPeriod> quiet, IReadOnlySet<DateOnly> holidays, DayPeriod? smsQuiet)
    {
        if (weekly.Length != 7)
            throw new ArgumentException("需要 7 天（周日到周六）的呼叫时间段。", nameof(weekly));
        if (weekly.SelectMany(d => d).Any(p => p.CrossesMidnight))
            throw new ArgumentException("呼叫时间段的结束时间必须晚于开始时间。", nameof(weekly));
        (_weekly, _quiet, _holidays, _smsQuiet) = (weekly, quiet, holidays, smsQuiet);
    }

    public bool HasAnyCallingPeriod => _weekly.Any(d => d.Count > 0);

    public bool IsHoliday(DateOnly day) => _holidays.Contains(day);

    public IReadOnlyList<DayPeriod> PeriodsOn(DayOfWeek day) => _weekly[(int)day];

    /// The minutes of one day when calls may be placed: the weekday's periods minus the quiet periods; none on a holiday.
    public IReadOnlyList<(int From, int To)> CallWindows(DateOnly day)
    {
        if (_holidays.Contains(day))
            return [];
        var windows = new List<(int From, int To)>();
        foreach (var p in _weekly[(int)day.DayOfWeek].OrderBy(p => p.FromMinute))
        {
            var pieces = new List<(int From, int To)> { (p.FromMinute, p.ToMinute) };
            foreach (var (qf, qt) in _quiet.SelectMany(q => q.WithinDay()))
                pieces = pieces.SelectMany(x => Subtract(x, qf, qt)).ToList();
            windows.AddRange(pieces);
        }
        return Merge(windows);
    }

    public bool CallAllowedAt(DateTime t) => NextCallMoment(t) == t;

    /// The first moment at or after `from` inside calling hours; null when there is none within SearchDays.
    public DateTime? NextCallMoment(DateTime from)
    {
        var day = DateOnly.FromDateTime(from);
        for (var i = 0; i < SearchDays; i++, day = day.AddDays(1))
        {
            var midnight = day.ToDateTime(TimeOnly.MinValue);
            foreach (var (f, to) in CallWindows(day))
            {
                var start = midnight.AddMinutes(f);
                var end = midnight.AddMinutes(to);
                if (from < end)
                    return from > start ? from : start;
            }
        }
        return null;
    }

    public bool SmsAllowedAt(DateTime t) => NextSmsMoment(t) == t;

    /// The first moment at or after `from` outside the SMS quiet hours.
    public DateTime NextSmsMoment(DateTime from)
    {
        if (_smsQuiet is not { } q)
            return from;
        var minute = from.TimeOfDay.TotalMinutes;
        foreach (var (f, to) in q.WithinDay())
        {
            if (minute >= f && minute < to)
            {
                var end = from.Date.AddMinutes(to);
                // A quiet period that runs to midnight and on from it (21:00–08:00) ends the next morning.
                return to == DayPeriod.DayMinutes && q.CrossesMidnight ? end.AddMinutes(q.ToMinute) : end;
            }
        }
        return from;
    }

    private static IEnumerable<(int From, int To)> Subtract((int From, int To) x, int qf, int qt)
    {
        if (qt <= x.From || qf >= x.To)
        {
            yield return x;
            yield break;
        }
        if (qf > x.From)
            yield return (x.From, qf);
        if (qt < x.To)
            yield return (qt, x.To);
    }

    private static List<(int From, int To)> Merge(List<(int From, int To)> windows)
    {
        var merged = new List<(int From, int To)>();
        foreach (var w in windows.Where(w => w.To > w.From).OrderBy(w => w.From))
        {
            if (merged.Count > 0 && w.From <= merged[^1].To)
                merged[^1] = (merged[^1].From, Math.Max(merged[^1].To, w.To));
            else
                merged.Add(w);
        }
        return merged;
    }
}
