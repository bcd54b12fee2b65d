using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Audit;
using Suifang.Core.Data;

namespace Suifang.Core.Contact;

public sealed record HolidayView(int Id, DateOnly Date, string Name);

public sealed record ContactSettingsView(ContactSettingsInput Settings, IReadOnlyList<HolidayView> Holidays, DateTime? UpdatedAt, string? UpdatedBy);

/// Reads and saves a hospital's contact rules and holidays (admins). The first save writes the defaults and the
/// seeded holidays; every change bumps Revision and is audited.
public static class ContactSettingsEditor
{
    public static async Task<ContactSettingsView> LoadAsync(SuifangDbContext db, int hospitalId, CancellationToken ct = default)
    {
        var s = await db.ContactSettings.AsNoTracking().FirstOrDefaultAsync(x => x.HospitalId == hospitalId, ct);
        var holidays = s is null
            ? ChineseHolidays.Seed.Select(h => new HolidayView(0, h.Date, h.Name)).ToList()
            : await db.Holidays.AsNoTracking().Where(h => h.HospitalId == hospitalId).OrderBy(h => h.Date)
                .Select(h => new HolidayView(h.Id, h.Date, h.Name)).ToListAsync(ct);
        s ??= ContactSettings.Defaults(hospitalId);
        return new ContactSettingsView(ToInput(s), holidays, s.Revision == 0 ? null : s.UpdatedAt, s.UpdatedBy);
    }

    public static async Task<(ContactSettingsView? View, List<string> Errors)> SaveAsync(SuifangDbContext db, StaffScope scope, ContactSettingsInput input, DateTime now, CancellationToken ct = default)
    {
        if (!scope.IsAdmin)
            return (null, ["只有管理员可以修改联系规则。"]);
        var errors = ContactSettingsRules.Check(input);
        if (errors.Count > 0)
            return (null, errors);
        var s = await EnsureAsync(db, scope.HospitalId, now, ct);
        var before = Describe(ToInput(s));
        s.CallingHours = input.CallingHours.Select(ContactSettingsRules.Canonical).ToList();
        s.QuietPeriods = ContactSettingsRules.Canonical(input.QuietPeriods);
        s.SmsQuietHours = ContactSettingsRules.Canonical(input.SmsQuietHours);
        (s.DailyContactCap, s.NoRepeatDays, s.ConsentRequired, s.BestTimeEnabled, s.PreCallNoticeEnabled, s.PreCallNoticeHours, s.CallerNumber) =
            (input.DailyContactCap, input.NoRepeatDays, input.ConsentRequired, input.BestTimeEnabled, input.PreCallNoticeEnabled,
             input.PreCallNoticeHours, ContactSettingsRules.CanonicalNumber(input.CallerNumber));
        Touch(db, scope, s, now, $"修改联系规则：{before} → {Describe(ToInput(s))}");
        await db.SaveChangesAsync(ct);
        return (await LoadAsync(db, scope.HospitalId, ct), []);
    }

    public static async Task<List<string>> AddHolidayAsync(SuifangDbContext db, StaffScope scope, DateOnly? date, string? name, DateTime now, CancellationToken ct = default)
    {
        if (!scope.IsAdmin)
            return ["只有管理员可以修改节假日。"];
        var n = name?.Trim() ?? "";
        if (date is null)
            return ["请选择节假日的日期。"];
        if (n.Length is 0 or > 32)
            return ["请填写节假日名称（最多 32 个字），例如“春节”或“院庆日”。"];
        var s = await EnsureAsync(db, scope.HospitalId, now, ct);
        var existing = await db.Holidays.FirstOrDefaultAsync(h => h.HospitalId == scope.HospitalId && h.Date == date, ct);
        if (existing is not null)
            return [$"{date:yyyy-MM-dd} 已经是节假日（{existing.Name}）。"];
        db.Holidays.Add(new Holiday { HospitalId = scope.HospitalId, Date = date.Value, Name = n });
        Touch(db, scope, s, now, $"添加节假日 {date:yyyy-MM-dd}（{n}）：当天不呼叫");
        await db.SaveChangesAsync(ct);
        return [];
    }

    public static async Task<List<string>> RemoveHolidayAsync(SuifangDbContext db, StaffScope scope, DateOnly date, DateTime now, CancellationToken ct = default)
    {
        if (!scope.IsAdmin)
            return ["只有管理员可以修改节假日。"];
        var s = await EnsureAsync(db, scope.HospitalId, now, ct);
        var holiday = await db.Holidays.FirstOrDefaultAsync(h => h.HospitalId == scope.HospitalId && h.Date == date, ct);
        if (holiday is null)
            return [$"{date:yyyy-MM-dd} 不是节假日，请刷新页面。"];
        db.Holidays.Remove(holiday);
        Touch(db, scope, s, now, $"删除节假日 {date:yyyy-MM-dd}（{holiday.Name}）：当天恢复按星期的呼叫时间");
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// The hospital's settings row, created with the defaults and the seeded holidays when it is missing.
    private static async Task<ContactSettings> EnsureAsync(SuifangDbContext db, int hospitalId, DateTime now, CancellationToken ct)
    {
        var s = await db.ContactSettings.FirstOrDefaultAsync(x => x.HospitalId == hospitalId, ct);
        if (s is not null)
            return s;
        s = ContactSettings.Defaults(hospitalId);
        s.UpdatedAt = now;
        AddFirst(db, s);
        return s;
    }

    /// A hospital's first saved settings, with the seeded public holidays it had while it used the defaults.
    public static void AddFirst(SuifangDbContext db, ContactSettings settings)
    {
        db.ContactSettings.Add(settings);
        db.Holidays.AddRange(ChineseHolidays.Seed.Select(h => new Holiday { HospitalId = settings.HospitalId, Date = h.Date, Name = h.Name }));
    }

    private static void Touch(SuifangDbContext db, StaffScope scope, ContactSettings s, DateTime now, string summary)
    {
        s.Revision++;
        (s.UpdatedAt, s.UpdatedBy) = (now, scope.UserName);
        db.Actor = scope.Actor;
        db.AuditEvent(AuditActions.Update, "ContactSettings", s.HospitalId.ToString(), summary.Length > 1000 ? summary[..1000] : summary);
    }

    private static ContactSettingsInput ToInput(ContactSettings s) => ContactSettingsInput.From(s);

    private static string Describe(ContactSettingsInput i) =>
        string.Join("；", i.CallingHours.Select((d, k) => $"{ContactSettingsRules.WeekdayNames[k]} {(d.Length == 0 ? "不呼叫" : d)}"))
        + $"；免打扰 {i.QuietPeriods}；短信免打扰 {i.SmsQuietHours}；每日上限 {i.DailyContactCap}；{i.NoRepeatDays} 天内不重复外呼；"
        + $"需知情同意 {(i.ConsentRequired ? "是" : "否")}；最佳时间 {(i.BestTimeEnabled ? "开" : "关")}；首呼前短信 {(i.PreCallNoticeEnabled ? $"提前 {i.PreCallNoticeHours} 小时" : "关")}；外呼号码 {i.CallerNumber}";
}
