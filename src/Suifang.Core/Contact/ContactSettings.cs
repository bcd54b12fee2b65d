namespace Suifang.Core.Contact;

/// A hospital's contact rules (联系规则, 7.2.2, 5.2.2). One row per hospital; a hospital without a row uses Defaults.
/// Periods are kept as text ("09:00-11:30,14:00-20:00") and read with CallingSchedule.
public sealed class ContactSettings
{
    public int HospitalId { get; set; }

    /// Seven entries, Monday first: the calling periods of each weekday (empty = no calls that day).
    public List<string> CallingHours { get; set; } = [];

    /// Periods of every day without calls, e.g. the lunch break "12:00-13:30"; may cross midnight.
    public string QuietPeriods { get; set; } = "";

    /// No SMS (or questionnaire link) in this period; "" = SMS at any time.
    public string SmsQuietHours { get; set; } = "";

    /// At most this many follow-ups contact one patient per day, across channels (a task's redials count once).
    public int DailyContactCap { get; set; }

    /// 5.2.2 "XX天内不可重复外呼": after a reached call, no other call for this many days (the day of the call included).
    public int NoRepeatDays { get; set; }

    /// When set, automatic contact (AI call, SMS, questionnaire) needs recorded consent to follow-up.
    public bool ConsentRequired { get; set; }

    /// Postpone a due call to the hour the patient usually answers (BestCallTime).
    public bool BestTimeEnabled { get; set; }

    /// 首呼前短信告知: an SMS at least PreCallNoticeHours before a plan's first call.
    public bool PreCallNoticeEnabled { get; set; }
    public int PreCallNoticeHours { get; set; }

    /// The number the calls come from, named in the pre-call notice.
    public string? CallerNumber { get; set; }

    /// Bumped by every change (holidays included), so that cached rules know when to reload.
    public int Revision { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    public static ContactSettings Defaults(int hospitalId) => new()
    {
        HospitalId = hospitalId,
        CallingHours =
        [
            "09:00-11:30,14:00-20:00", "09:00-11:30,14:00-20:00", "09:00-11:30,14:00-20:00",
            "09:00-11:30,14:00-20:00", "09:00-11:30,14:00-20:00", "09:00-11:30", "",
        ],
        QuietPeriods = "12:00-13:30",
        SmsQuietHours = "21:00-08:00",
        DailyContactCap = 2,
        NoRepeatDays = 3,
        ConsentRequired = false,
        BestTimeEnabled = true,
        PreCallNoticeEnabled = true,
        PreCallNoticeHours = 2,
    };
}

/// 节假日: a date without calls.
public sealed class Holiday
{
    public int Id { get; set; }
    public int HospitalId { get; set; }
    public DateOnly Date { get; set; }
    public required string Name { get; set; }
}
