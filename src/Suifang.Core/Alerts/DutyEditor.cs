using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Security;

namespace Suifang.Core.Alerts;

/// A change to the roster or the alert settings that cannot be made; the message says why and what to do.
public sealed class DutyEditException(string message) : Exception(message);

/// 值班与提醒设置 (7.2.4.1 b): edited by the department's head nurse (or an administrator); every change is audited.
public static class DutyEditor
{
    public static bool MayEdit(StaffScope by, DutySettings settings) =>
        by.IsAdmin || by.Roles.Contains(Roles.Supervisor) || (settings.HeadNurseUserId is { } head && head == by.UserId && by.CanSeeDepartment(settings.DepartmentId));

    /// The department's staff (who can be on duty or head nurse), with their masked mobile.
    public static async Task<List<DutyStaff>> StaffAsync(SuifangDbContext db, int departmentId, CancellationToken ct)
    {
        var rows = await db.StaffDepartments.Where(d => d.DepartmentId == departmentId)
            .Join(db.Users, d => d.UserId, u => u.Id, (d, u) => new { u.Id, u.DisplayName, u.UserName, u.IsDisabled })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var mobiles = await db.StaffMobiles.Where(m => ids.Contains(m.UserId)).ToDictionaryAsync(m => m.UserId, m => m.PhoneMasked, ct);
        return rows.Where(r => !r.IsDisabled)
            .Select(r => new DutyStaff(r.Id, string.IsNullOrEmpty(r.DisplayName) ? r.UserName ?? r.Id : r.DisplayName, mobiles.GetValueOrDefault(r.Id)))
            .OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
    }

    public static async Task SaveSettingsAsync(SuifangDbContext db, StaffScope by, int departmentId, string? headNurse,
        NormalAssignment normal, int escalateAfterMinutes, DateTime now, CancellationToken ct)
    {
        var settings = await db.DutySettings.FirstOrDefaultAsync(s => s.DepartmentId == departmentId, ct);
        var current = settings ?? new DutySettings { DepartmentId = departmentId };
        if (!MayEdit(by, current))
            throw new DutyEditException("只有本科室护士长或管理员可以修改值班与提醒设置。");
        if (escalateAfterMinutes is < 0 or > 24 * 60)
            throw new DutyEditException("升级时间请填 0 到 1440 分钟之间（0 表示不升级）。");
        if (headNurse is not null && !await InDepartmentAsync(db, headNurse, departmentId, ct))
            throw new DutyEditException("护士长必须是本科室的工作人员，请从列表中选择。");
        if (settings is null)
        {
            settings = current;
            settings.HospitalId = by.HospitalId;
            db.DutySettings.Add(settings);
        }
        (settings.HeadNurseUserId, settings.NormalAssignment, settings.EscalateAfterMinutes) = (headNurse, normal, escalateAfterMinutes);
        (settings.UpdatedAt, settings.UpdatedBy) = (now, by.UserName);
        db.AuditEvent("duty.settings", "DutySettings", departmentId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"值班与提醒设置：普通待办{(normal == NormalAssignment.FewestOpen ? "分给待办最少的护士" : "留在科室公共列表")}，{escalateAfterMinutes} 分钟未确认升级");
        await db.SaveChangesAsync(ct);
    }

    public static async Task AddShiftAsync(SuifangDbContext db, StaffScope by, DutyShift shift, CancellationToken ct)
    {
        await CheckAsync(db, by, shift.DepartmentId, shift.UserId, ct);
        if (shift.Start == shift.End && shift.Start != TimeOnly.MinValue)
            throw new DutyEditException("开始和结束时间相同。全天班请填 00:00 到 00:00。");
        shift.HospitalId = by.HospitalId;
        db.DutyShifts.Add(shift);
        db.AuditEvent("duty.shift.add", "DutyShift", null, $"排班：{shift.Day} {shift.Start:HH\\:mm}–{shift.End:HH\\:mm}");
        await db.SaveChangesAsync(ct);
    }

    public static async Task AddOverrideAsync(SuifangDbContext db, StaffScope by, DutyOverride change, DateOnly today, CancellationToken ct)
    {
        await CheckAsync(db, by, change.DepartmentId, change.UserId, ct);
        if (change.Date < today)
            throw new DutyEditException("不能给已经过去的日期调班，请选择今天或以后的日期。");
        change.HospitalId = by.HospitalId;
        change.CreatedBy = by.UserName;
        db.DutyOverrides.Add(change);
        db.AuditEvent("duty.override.add", "DutyOverride", null, $"调班：{change.Date:yyyy-MM-dd} {change.Start:HH\\:mm}–{change.End:HH\\:mm}，{change.Reason}");
        await db.SaveChangesAsync(ct);
    }

    public static async Task RemoveAsync(SuifangDbContext db, StaffScope by, int departmentId, long? shiftId, long? overrideId, CancellationToken ct)
    {
        await CheckAsync(db, by, departmentId, null, ct);
        if (shiftId is { } s)
            await db.DutyShifts.Where(x => x.Id == s && x.DepartmentId == departmentId).ExecuteDeleteAsync(ct);
        if (overrideId is { } o)
            await db.DutyOverrides.Where(x => x.Id == o && x.DepartmentId == departmentId).ExecuteDeleteAsync(ct);
        db.AuditEvent("duty.remove", shiftId is null ? "DutyOverride" : "DutyShift", (shiftId ?? overrideId)?.ToString(System.Globalization.CultureInfo.InvariantCulture), "删除排班或调班");
        await db.SaveChangesAsync(ct);
    }

    /// Sets (or clears, with an empty number) a staff member's mobile for alert SMS; stored encrypted.
    public static async Task SetMobileAsync(SuifangDbContext db, StaffScope by, SensitiveDataProtector protector, int departmentId,
        string userId, string? mobile, DateTime now, CancellationToken ct)
    {
        await CheckAsync(db, by, departmentId, userId, ct);
        var existing = await db.StaffMobiles.FirstOrDefaultAsync(m => m.UserId == userId, ct);
        if (string.IsNullOrWhiteSpace(mobile))
        {
            if (existing is not null)
                db.StaffMobiles.Remove(existing);
        }
        else
        {
            var normalized = ContactNumbers.NormalizePhone(mobile);
            if (normalized.Length != 11 || normalized[0] != '1' || !ContactNumbers.IsValidPhone(normalized))
                throw new DutyEditException("请填写 11 位手机号（如 13812345678）：固定电话收不到提醒短信。");
            var value = protector.Protect(SensitiveKind.Phone, normalized);
            existing ??= db.StaffMobiles.Add(new StaffMobile { UserId = userId, HospitalId = by.HospitalId }).Entity;
            (existing.PhoneCipher, existing.PhoneMasked, existing.UpdatedAt) = (value.Cipher, value.Masked, now);
        }
        db.AuditEvent("duty.mobile", "StaffMobile", userId, "修改工作人员提醒手机号");
        await db.SaveChangesAsync(ct);
    }

    private static async Task CheckAsync(SuifangDbContext db, StaffScope by, int departmentId, string? userId, CancellationToken ct)
    {
        if (!MayEdit(by, await DutyRoster.SettingsAsync(db, departmentId, ct)))
            throw new DutyEditException("只有本科室护士长或管理员可以修改排班。");
        if (userId is not null && !await InDepartmentAsync(db, userId, departmentId, ct))
            throw new DutyEditException("这位工作人员不属于本科室，请从列表中选择。");
    }

    private static Task<bool> InDepartmentAsync(SuifangDbContext db, string userId, int departmentId, CancellationToken ct) =>
        db.StaffDepartments.AnyAsync(d => d.UserId == userId && d.DepartmentId == departmentId, ct);
}

public sealed record DutyStaff(string UserId, string Name, string? MobileMasked);
