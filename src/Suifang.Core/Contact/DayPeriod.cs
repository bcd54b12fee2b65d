using System.Globalization;

namespace Suifang.Core.Contact;

/// A time of day range [From, To) in minutes after midnight, e.g. 09:00–11:30 = (540, 690). To may be 1440 (24:00).
/// A quiet period may cross midnight (21:00–08:00: To ≤ From); a calling period may not.
public readonly record struct DayPeriod(int FromMinute, int ToMinute)
{
    public const int DayMinutes = 24 * 60;

    public bool CrossesMidnight => ToMinute <= FromMinute;

    /// The period as [start, end) minute ranges inside one day: one range, or two when it crosses midnight.
    public IEnumerable<(int From, int To)> WithinDay()
    {
        if (!CrossesMidnight)
        {
            yield return (FromMinute, ToMinute);
            yield break;
        }
        if (ToMinute > 0)
            yield return (0, ToMinute);
        if (FromMinute < DayMinutes)
            yield return (FromMinute, DayMinutes);
    }

    public override string ToString() => $"{Clock(FromMinute)}-{Clock(ToMinute)}";

    public static string Clock(int minute) => $"{minute / 60:D2}:{minute % 60:D2}";

    /// Reads "09:00-11:30" (also "9:00~11:30", "09:00—11:30", "09：00－11：30"). Null when it is not a period.
    public static DayPeriod? Parse(string text)
    {
        var t = text.Trim().Replace('：', ':').Replace('－', '-').Replace('—', '-').Replace('–', '-').Replace('~', '-').Replace('～', '-').Replace('至', '-');
        var parts = t.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || ParseClock(parts[0]) is not { } from || ParseClock(parts[1]) is not { } to || from == DayMinutes)
            return null;
        return new DayPeriod(from, to);
    }

    /// "HH:mm" → minutes after midnight; "24:00" is the end of the day.
    public static int? ParseClock(string text)
    {
        var bits = text.Split(':');
        if (bits.Length != 2 || !int.TryParse(bits[0], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            || !int.TryParse(bits[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) || bits[1].Length != 2)
            return null;
        if (h == 24 && m == 0)
            return DayMinutes;
        return h is >= 0 and < 24 && m is >= 0 and < 60 ? h * 60 + m : null;
    }

    /// Several periods separated by commas or semicolons (either width), in canonical text.
    public static IEnumerable<string> SplitList(string? text) =>
        (text ?? "").Replace('，', ',').Replace('；', ',').Replace(';', ',').Replace('、', ',')
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
