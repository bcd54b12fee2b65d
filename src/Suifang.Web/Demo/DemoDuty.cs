using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Alerts;
using Suifang.Core.Data;
using Suifang.Core.Security;

namespace Suifang.Web.Demo;

/// 值班与提醒 of the demo hospital (7.2.4.1 b, 7.2.5.1 a): each department with a demo nurse gets that nurse as head nurse
/// and on duty all day every day (a weekly roster covers any date the demo runs on), normal to-dos go to the nurse with
/// the fewest open ones, and every demo nurse has a fictitious mobile (encrypted like every phone) so that the duty
/// nurse's alert SMS shows in the outbox. Without it the demo's to-dos stay unassigned and its alert SMS fail.
internal sealed class DemoDuty(SuifangDbContext db, SensitiveDataProtector protector)
{
    public async Task<int> CreateAsync(int hospitalId, IReadOnlyList<SeededDepartment> departments, DateTime now, Random random, CancellationToken ct)
    {
        var byCode = departments.ToDictionary(d => d.Demo.Code);
        var contacts = new DemoContacts(random);
        var rostered = 0;
        foreach (var (userName, _, codes, _) in DemoStaff.Accounts.Where(a => a.Role == Roles.Nurse))
        {
            var nurse = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).FirstOrDefaultAsync(ct);
            if (nurse is null || await db.StaffMobiles.AnyAsync(m => m.UserId == nurse, ct))
                continue;
            var mobile = protector.Protect(SensitiveKind.Phone, contacts.Mobile());
            db.StaffMobiles.Add(new StaffMobile { UserId = nurse, HospitalId = hospitalId, PhoneCipher = mobile.Cipher, PhoneMasked = mobile.Masked, UpdatedAt = now });
            foreach (var department in codes.Select(c => byCode[c].Id))
            {
                db.DutySettings.Add(new DutySettings
                {
                    DepartmentId = department, HospitalId = hospitalId, HeadNurseUserId = nurse,
                    NormalAssignment = NormalAssignment.FewestOpen, UpdatedAt = now, UpdatedBy = "演示数据",
                });
                // 00:00 to 00:00 is the whole day (see DutyEditor).
                db.DutyShifts.AddRange(Enum.GetValues<DayOfWeek>().Select(day => new DutyShift
                {
                    HospitalId = hospitalId, DepartmentId = department, Day = day, Start = TimeOnly.MinValue, End = TimeOnly.MinValue, UserId = nurse,
                }));
                rostered++;
            }
            db.AuditEvent("duty.mobile", "StaffMobile", nurse, $"演示数据：{userName} 的提醒手机号（虚构）、全天值班、担任护士长");
        }
        await db.SaveChangesAsync(ct);
        return rostered;
    }
}
