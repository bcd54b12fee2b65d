using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Todos;

namespace Suifang.Core.Alerts;

/// Who is on duty and who has room: the queries the assignment and the alerts read (7.2.4.1 b).
public static class DutyRoster
{
    /// The nurse on duty in a department at a moment: today's override first (the latest one entered wins), else the
    /// weekly roster; null when nobody is on duty. Disabled accounts are never on duty.
    public static async Task<string?> OnDutyAsync(SuifangDbContext db, int departmentId, DateTime at, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(at);
        var yesterday = today.AddDays(-1);
        var disabled = db.Users.Where(u => u.IsDisabled).Select(u => u.Id);
        var overrides = await db.DutyOverrides.AsNoTracking()
            .Where(o => o.DepartmentId == departmentId && (o.Date == today || o.Date == yesterday) && !disabled.Contains(o.UserId))
            .OrderByDescending(o => o.Id).ToListAsync(ct);
        if (overrides.FirstOrDefault(o => o.Covers(at)) is { } chosen)
            return chosen.UserId;
        var days = new[] { today.DayOfWeek, yesterday.DayOfWeek };
        var shifts = await db.DutyShifts.AsNoTracking()
            .Where(s => s.DepartmentId == departmentId && days.Contains(s.Day) && !disabled.Contains(s.UserId))
            .OrderBy(s => s.Id).ToListAsync(ct);
        return shifts.FirstOrDefault(s => s.Covers(at))?.UserId;
    }

    /// The department's active nurses, each with the open to-dos assigned to them.
    public static async Task<List<(string UserId, int Open)>> NurseLoadAsync(SuifangDbContext db, int departmentId, CancellationToken ct)
    {
        var nurseRole = db.Roles.Where(r => r.Name == Roles.Nurse).Select(r => r.Id);
        var rows = await db.StaffDepartments.Where(d => d.DepartmentId == departmentId)
            .Select(d => d.UserId)
            .Where(u => db.UserRoles.Any(r => r.UserId == u && nurseRole.Contains(r.RoleId)) && db.Users.Any(x => x.Id == u && !x.IsDisabled))
            .Select(u => new { UserId = u, Open = db.Todos.Count(t => t.AssignedToUserId == u && t.Status == TodoStatus.Open) })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Open).ThenBy(r => r.UserId, StringComparer.Ordinal).Select(r => (r.UserId, r.Open)).ToList();
    }

    public static async Task<DutySettings> SettingsAsync(SuifangDbContext db, int departmentId, CancellationToken ct) =>
        await db.DutySettings.AsNoTracking().FirstOrDefaultAsync(s => s.DepartmentId == departmentId, ct)
        ?? new DutySettings { DepartmentId = departmentId };
}
