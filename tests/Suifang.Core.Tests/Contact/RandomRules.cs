using Suifang.Core.Contact;
using Suifang.Core.Pathways;

namespace Suifang.Core.Tests.Contact;

/// Random hospitals, patients and moments for the property tests, and an oracle written apart from CallingSchedule
/// that says, minute by minute, whether the settings allow a contact.
internal sealed class RandomRules(int seed)
{
    private readonly Random _r = new(seed);

    public ContactSettings Settings()
    {
        var s = ContactSettings.Defaults(1);
        s.CallingHours = Enumerable.Range(0, 7).Select(_ => Day()).ToList();
        if (s.CallingHours.All(d => d.Length == 0))
            s.CallingHours[_r.Next(7)] = "10:00-11:00";
        s.QuietPeriods = string.Join(',', Enumerable.Range(0, _r.Next(3)).Select(_ => Period(crossing: _r.Next(4) == 0)));
        s.SmsQuietHours = _r.Next(5) == 0 ? "" : Period(crossing: _r.Next(2) == 0);
        s.DailyContactCap = _r.Next(1, 4);
        s.NoRepeatDays = _r.Next(0, 6);
        s.BestTimeEnabled = _r.Next(2) == 0;
        s.PreCallNoticeHours = _r.Next(1, 25);
        return s;
    }

    public List<DateOnly> Holidays(DateTime around) =>
        Enumerable.Range(0, _r.Next(0, 12)).Select(_ => DateOnly.FromDateTime(around.AddDays(_r.Next(-3, 30)))).Distinct().ToList();

    public DateTime Moment(DateTime around) => around.AddMinutes(_r.Next(0, 30 * 24 * 60)).AddSeconds(_r.Next(0, 3) == 0 ? _r.Next(60) : 0);

    public ContactTask Task(DateTime now) =>
        new(_r.Next(1, 6), (ChannelKind)_r.Next(1, 5), _r.Next(3) == 0 ? null : _r.Next(1, 4), now.AddDays(_r.Next(0, 5)).AddHours(_r.Next(0, 24)));

    public ContactFacts Facts(DateTime now)
    {
        var attempts = Enumerable.Range(0, _r.Next(0, 5)).Select(_ => new ContactAttempt(_r.Next(1, 8), now.Date.AddMinutes(_r.Next(0, (int)now.TimeOfDay.TotalMinutes + 1)))).ToList();
        var reached = Enumerable.Range(0, _r.Next(0, 6)).Select(_ => new ReachedCall(_r.Next(1, 8), _r.Next(3) == 0 ? null : _r.Next(1, 4), now.AddMinutes(-_r.Next(1, 12 * 24 * 60)))).ToList();
        NoticeState? notice = _r.Next(4) switch
        {
            0 => new NoticeState(true, now.AddHours(_r.Next(-5, 10)), null),
            1 => new NoticeState(false, now, now.AddHours(-_r.Next(0, 30))),
            2 => new NoticeState(false, now, null),
            _ => null,
        };
        return new ContactFacts(null, ConsentState.Given, null, attempts, reached, notice);
    }

    private string Day() =>
        _r.Next(6) == 0 ? "" : string.Join(',', Cuts(_r.Next(1, 4)).Chunk(2).Select(p => $"{DayPeriod.Clock(p[0])}-{DayPeriod.Clock(p[1])}"));

    /// Ascending distinct minutes in pairs: non-overlapping periods of one day.
    private List<int> Cuts(int periods)
    {
        var cuts = Enumerable.Range(0, periods * 2).Select(_ => _r.Next(0, 97) * 15).Distinct().Order().ToList();
        if (cuts.Count % 2 == 1)
            cuts.RemoveAt(cuts.Count - 1);
        return cuts;
    }

    private string Period(bool crossing)
    {
        var a = _r.Next(0, 96) * 15;
        var b = _r.Next(0, 96) * 15;
        if (a == b)
            b = (a + 45) % 1440;
        var (from, to) = crossing ? (Math.Max(a, b), Math.Min(a, b)) : (Math.Min(a, b), Math.Max(a, b));
        return $"{DayPeriod.Clock(from)}-{DayPeriod.Clock(to)}";
    }
}

/// Independent of CallingSchedule and ContactRules: reads the settings text again and tests one moment.
internal sealed class Oracle(ContactSettings s, IReadOnlyCollection<DateOnly> holidays)
{
    public bool CallAllowed(DateTime t)
    {
        if (holidays.Contains(DateOnly.FromDateTime(t)))
            return false;
        var m = t.TimeOfDay.TotalMinutes;
        var index = ((int)t.DayOfWeek + 6) % 7;
        var inPeriod = Periods(s.CallingHours[index]).Any(p => p.From <= m && m < p.To);
        return inPeriod && !Periods(s.QuietPeriods).Any(q => Covers(q, m));
    }

    public bool SmsAllowed(DateTime t) => !Periods(s.SmsQuietHours).Any(q => Covers(q, t.TimeOfDay.TotalMinutes));

    public bool CapAllows(ContactTask task, ContactFacts f, DateTime t)
    {
        var day = f.Attempts.Where(a => a.At.Date == t.Date).Select(a => a.TaskId).Distinct().ToList();
        return day.Contains(task.Id) || day.Count < s.DailyContactCap;
    }

    public bool NoRepeatAllows(ContactTask task, ContactFacts f, DateTime t) =>
        !f.ReachedCalls.Any(r => r.TaskId != task.Id && !(r.PlanStepId is not null && r.PlanStepId == task.PlanStepId)
            && (t.Date - r.At.Date).TotalDays < s.NoRepeatDays);

    public bool NoticeAllows(ContactFacts f, DateTime now, DateTime t) => f.Notice switch
    {
        { SentAt: { } sent } => t >= sent.AddHours(s.PreCallNoticeHours),
        { Open: true } n => t >= (n.NextAttemptAt > now ? n.NextAttemptAt : now).AddHours(s.PreCallNoticeHours),
        _ => true,
    };

    public bool HardRulesAllow(ContactTask task, ContactFacts f, DateTime now, DateTime t) => task.IsVoice
        ? CallAllowed(t) && NoRepeatAllows(task, f, t) && CapAllows(task, f, t) && NoticeAllows(f, now, t)
        : SmsAllowed(t) && CapAllows(task, f, t);

    private static bool Covers((double From, double To) q, double m) =>
        q.To <= q.From ? m >= q.From || m < q.To : m >= q.From && m < q.To;

    private static IEnumerable<(double From, double To)> Periods(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('-'))
            .Select(p => (Minutes(p[0]), Minutes(p[1]))).Where(p => p.Item1 != p.Item2);

    private static double Minutes(string clock) => int.Parse(clock[..2], System.Globalization.CultureInfo.InvariantCulture) * 60 + int.Parse(clock[3..], System.Globalization.CultureInfo.InvariantCulture);
}
