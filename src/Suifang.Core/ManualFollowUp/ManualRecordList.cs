using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Calls;
using Suifang.Core.Data;

namespace Suifang.Core.ManualFollowUp;

public sealed record ManualRecordRow(long Id, DateTime At, long PatientId, string PatientName, string Department, string Contact,
    string? Unreached, string? Respondent, string? Template, IReadOnlyList<ManualAnswer> Answers, int Todos, string? Note, string Summary, string Staff);

/// Records of manual follow-up: a patient's (archive, follow-up history) and the recent ones of the caller's departments
/// (the queue's "recorded" tab), in the caller's scope only.
public static class ManualRecordList
{
    public static Task<List<ManualRecordRow>> ForPatientAsync(SuifangDbContext db, StaffScope scope, long patientId, CancellationToken ct) =>
        ReadAsync(db, scope, db.ManualRecords.Where(r => r.PatientId == patientId), 100, ct);

    public static Task<List<ManualRecordRow>> SinceAsync(SuifangDbContext db, StaffScope scope, DateTime since, int? departmentId, CancellationToken ct) =>
        ReadAsync(db, scope, db.ManualRecords.Where(r => r.At >= since && (departmentId == null || r.DepartmentId == departmentId)), 300, ct);

    /// The open to-dos that manual records raised for a patient (abnormal answers), most urgent first.
    public static async Task<List<OpenTodo>> OpenTodosAsync(SuifangDbContext db, StaffScope scope, long patientId, CancellationToken ct)
    {
        var departments = scope.DepartmentIds.ToArray();
        var todos = await db.Todos.AsNoTracking()
            .Where(t => t.PatientId == patientId && t.HospitalId == scope.HospitalId && t.Source == "manual" && t.Status == Todos.TodoStatus.Open
                && (scope.AllDepartments || departments.Contains(t.DepartmentId)))
            .OrderByDescending(t => t.Urgency).ThenByDescending(t => t.CreatedAt).Take(50).ToListAsync(ct);
        return todos.Select(t => new OpenTodo(t.Id, t.Reason,
            t.Urgency switch { Todos.TodoUrgency.Critical => "危急", Todos.TodoUrgency.Urgent => "紧急", _ => "一般" }, t.CreatedAt)).ToList();
    }

    private static async Task<List<ManualRecordRow>> ReadAsync(SuifangDbContext db, StaffScope scope, IQueryable<ManualRecord> records, int take,
        CancellationToken ct)
    {
        var departments = scope.DepartmentIds.ToArray();
        var rows = await (
            from r in records.AsNoTracking()
            where r.HospitalId == scope.HospitalId && (scope.AllDepartments || departments.Contains(r.DepartmentId))
            join p in db.Patients on r.PatientId equals p.Id
            join d in db.Departments on r.DepartmentId equals d.Id
            orderby r.At descending, r.Id descending
            select new { r, p.Name, Department = d.Name }).Take(take).ToListAsync(ct);
        return rows.Select(x => new ManualRecordRow(x.r.Id, x.r.At, x.r.PatientId, x.Name, x.Department,
            ManualContactText.Of(ManualContactText.FromRecord(x.r)), x.r.Unreached is { } u ? CallText.NotReached(u) : null, x.r.Respondent,
            x.r.TemplateName is null ? null : $"{x.r.TemplateName}（第 {x.r.TemplateVersion} 版）", x.r.Answers, x.r.TodoCount, x.r.Note,
            x.r.Summary, x.r.StaffName)).ToList();
    }
}
