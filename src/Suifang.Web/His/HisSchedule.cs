using Quartz;

namespace Suifang.Web.His;

/// When the daily pull runs, for the HIS page.
internal sealed class HisSchedule(string cron, TimeZoneInfo zone)
{
    public string Cron { get; } = cron;

    /// The next automatic pull in hospital time, or null when the cron is invalid.
    public DateTime? NextRun(DateTimeOffset after) =>
        CronOrNull(Cron, zone)?.GetNextValidTimeAfter(after) is { } next
            ? DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(next, zone).DateTime, DateTimeKind.Unspecified)
            : null;

    public static CronExpression? CronOrNull(string? cron, TimeZoneInfo zone)
    {
        if (string.IsNullOrWhiteSpace(cron))
            return null;
        try
        {
            return new CronExpression(cron, zone);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
