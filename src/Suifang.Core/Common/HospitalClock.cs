namespace Suifang.Core.Common;

/// Hospital local time. Every time stored by Suifang is the hospital's wall-clock time
/// (Asia/Shanghai unless configured), see docs/adr/0002-hospital-local-time.md.
public sealed class HospitalClock(TimeProvider time, TimeZoneInfo zone)
{
    public static HospitalClock ChinaStandard(TimeProvider? time = null) =>
        new(time ?? TimeProvider.System, FindZone("Asia/Shanghai"));

    public TimeZoneInfo Zone { get; } = zone;

    public DateTime Now => DateTime.SpecifyKind(
        TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone).DateTime, DateTimeKind.Unspecified);

    public DateOnly Today => DateOnly.FromDateTime(Now);

    public static TimeZoneInfo FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            // Machines without tzdata: China has had no daylight saving since 1991.
            return TimeZoneInfo.CreateCustomTimeZone(id, TimeSpan.FromHours(8), id, id);
        }
    }
}
