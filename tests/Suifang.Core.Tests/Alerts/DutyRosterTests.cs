using Suifang.Core.Accounts;
using Suifang.Core.Alerts;
using Suifang.Core.Data;
using Suifang.Core.Tests.Contact;
using Suifang.Testing;

namespace Suifang.Core.Tests.Alerts;

/// Who is on duty (7.2.4.1 b): the weekly roster, night shifts past midnight, today's overrides, disabled accounts.
public sealed class DutyRosterTests
{
    [Theory, ClassData(typeof(Providers))]
    public async Task The_roster_a_night_shift_past_midnight_and_an_override_decide_who_is_on_duty(DatabaseProvider provider)
    {
        await using var w = await AlertWorld.CreateAsync(provider);
        var day = await w.StaffAsync("白班", Roles.Nurse, w.H.Cardiology.Id);
        var night = await w.StaffAsync("夜班", Roles.Nurse, w.H.Cardiology.Id);
        var stand = await w.StaffAsync("替班", Roles.Nurse, w.H.Cardiology.Id);
        var gone = await w.StaffAsync("已停用", Roles.Nurse, w.H.Cardiology.Id, disabled: true);
        await w.ShiftAsync(day, DayOfWeek.Monday, "08:00", "17:00");
        await w.ShiftAsync(night, DayOfWeek.Monday, "17:00", "08:00");
        await w.ShiftAsync(gone, DayOfWeek.Tuesday, "08:00", "17:00");
        var monday = AlertWorld.Monday;
        await using var db = w.H.Database.NewContext();

        Assert.Equal(day, await DutyRoster.OnDutyAsync(db, w.H.Cardiology.Id, monday.At("08:00"), default));
        Assert.Equal(night, await DutyRoster.OnDutyAsync(db, w.H.Cardiology.Id, monday.At("17:00"), default));
        Assert.Equal(night, await DutyRoster.OnDutyAsync(db, w.H.Cardiology.Id, monday.AddDays(1).At("07:59"), default));
        Assert.Null(await DutyRoster.OnDutyAsync(db, w.H.Cardiology.Id, monday.AddDays(1).At("09:00"), default));
        Assert.Null(await DutyRoster.OnDutyAsync(db, w.H.Neurology.Id, monday.At("09:00"), default));

        db.DutyOverrides.Add(new DutyOverride
        {
            HospitalId = w.H.Hospital.Id, DepartmentId = w.H.Cardiology.Id, Date = DateOnly.FromDateTime(monday),
            Start = new TimeOnly(12, 0), End = new TimeOnly(17, 0), UserId = stand, Reason = "白班病假",
        });
        await db.SaveChangesAsync();
        Assert.Equal(day, await DutyRoster.OnDutyAsync(db, w.H.Cardiology.Id, monday.At("11:59"), default));
        Assert.Equal(stand, await DutyRoster.OnDutyAsync(db, w.H.Cardiology.Id, monday.At("12:00"), default));
        Assert.Equal(night, await DutyRoster.OnDutyAsync(db, w.H.Cardiology.Id, monday.At("17:00"), default));
    }
}
