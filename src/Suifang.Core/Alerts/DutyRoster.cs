namespace Suifang.Core.Alerts;

/// How a department's normal (non-urgent) to-dos are routed (7.2.4.1 b).
public enum NormalAssignment
{
    /// Left in the department's shared list; any nurse of the department takes it.
    SharedList = 0,
    /// To the department's nurse with the fewest open to-dos.
    FewestOpen = 1,
}

/// 值班与提醒设置 of one department: who the head nurse is, how normal to-dos are routed, when an unacknowledged
/// critical alert goes to the head nurse.
public sealed class DutySettings
{
    public int DepartmentId { get; set; }
    public int HospitalId { get; set; }
    public string? HeadNurseUserId { get; set; }
    public NormalAssignment NormalAssignment { get; set; }

    /// A critical to-do nobody acknowledged within this many minutes is escalated to the head nurse (7.2.5.1 a).
    public int EscalateAfterMinutes { get; set; } = 10;
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}

/// 排班: one shift of the weekly roster. End ≤ Start means the shift runs past midnight (night shift 17:00–08:00).
public sealed class DutyShift
{
    public long Id { get; set; }
    public int HospitalId { get; set; }
    public int DepartmentId { get; set; }
    public DayOfWeek Day { get; set; }
    public TimeOnly Start { get; set; }
    public TimeOnly End { get; set; }
    public required string UserId { get; set; }

    public bool Covers(DateTime at) => DutyTimes.Covers(Day, Start, End, at);
}

/// 临时调班: for one date, this nurse is on duty in that time instead of the roster (sick leave, swaps).
public sealed class DutyOverride
{
    public long Id { get; set; }
    public int HospitalId { get; set; }
    public int DepartmentId { get; set; }
    public DateOnly Date { get; set; }
    public TimeOnly Start { get; set; }
    public TimeOnly End { get; set; }
    public required string UserId { get; set; }
    public string? Reason { get; set; }
    public string? CreatedBy { get; set; }

    public bool Covers(DateTime at) => DutyTimes.Covers(Date.DayOfWeek, Start, End, at, Date);
}

/// 工作手机: a staff member's mobile number for alert SMS, encrypted at rest like patients' phones (masked on screen).
public sealed class StaffMobile
{
    public required string UserId { get; set; }
    public int HospitalId { get; set; }
    public string PhoneCipher { get; set; } = "";
    public string PhoneMasked { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
}

internal static class DutyTimes
{
    /// Whether a shift starting on `day` (and `date`, when given) from start to end covers the moment `at`.
    public static bool Covers(DayOfWeek day, TimeOnly start, TimeOnly end, DateTime at, DateOnly? date = null)
    {
        var time = TimeOnly.FromDateTime(at);
        var today = DateOnly.FromDateTime(at);
        var overnight = end <= start;
        if (Matches(today) && time >= start && (overnight || time < end))
            return true;
        return overnight && Matches(today.AddDays(-1)) && time < end;

        bool Matches(DateOnly d) => date is { } exact ? d == exact : d.DayOfWeek == day;
    }
}
