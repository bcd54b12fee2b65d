using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Todos;

namespace Suifang.Core.Alerts;

/// 分派 (7.2.4.1 b): a critical or urgent to-do goes to the nurse on duty now; a normal one to the nurse with the fewest
/// open to-dos, or stays in the department's shared list — as the department chose. An urgent to-do with nobody on duty
/// follows the department's normal rule.
public static class TodoAssignment
{
    public static async Task AssignAsync(SuifangDbContext db, TodoItem todo, DutySettings settings, DateTime now, CancellationToken ct)
    {
        if (todo.AssignedToUserId is not null || todo.Status != TodoStatus.Open)
            return;
        string? to = null;
        if (todo.Kind == TodoKind.Trend)
            to = await AttendingDoctorAsync(db, todo, ct);
        if (to is null && todo.Urgency >= TodoUrgency.Urgent)
            to = await DutyRoster.OnDutyAsync(db, todo.DepartmentId, now, ct);
        if (to is null && settings.NormalAssignment == NormalAssignment.FewestOpen)
            to = (await DutyRoster.NurseLoadAsync(db, todo.DepartmentId, ct)).Select(n => n.UserId).FirstOrDefault();
        if (to is null)
            return;
        todo.AssignedToUserId = to;
        todo.AssignedAt = now;
    }

    /// A trend is for the doctor (7.2.5.1 b): the attending doctor of the patient's last visit in the department, when
    /// a doctor's account of that department has that name.
    private static async Task<string?> AttendingDoctorAsync(SuifangDbContext db, TodoItem todo, CancellationToken ct)
    {
        var name = await db.Encounters.Where(e => e.PatientId == todo.PatientId && e.DepartmentId == todo.DepartmentId)
            .OrderByDescending(e => e.VisitAt).Select(e => e.AttendingDoctor).FirstOrDefaultAsync(ct);
        if (string.IsNullOrWhiteSpace(name))
            return null;
        var doctorRole = db.Roles.Where(r => r.Name == Accounts.Roles.Doctor).Select(r => r.Id);
        return await db.Users.Where(u => u.DisplayName == name && !u.IsDisabled
                && db.StaffDepartments.Any(d => d.UserId == u.Id && d.DepartmentId == todo.DepartmentId)
                && db.UserRoles.Any(r => r.UserId == u.Id && doctorRole.Contains(r.RoleId)))
            .OrderBy(u => u.Id).Select(u => u.Id).FirstOrDefaultAsync(ct);
    }
}
