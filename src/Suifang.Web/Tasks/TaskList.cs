using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Tasks;

namespace Suifang.Web.Tasks;

/// Filters of the task list; every field optional.
internal sealed record TaskListFilter(string? Queue = null, TaskState? State = null, int? DepartmentId = null, long? PatientId = null,
    int Page = 1, int PageSize = 50);

internal sealed record TaskRow(long Id, string Queue, ChannelKind Channel, bool Simulated, TaskState State, string StateName, bool Paused,
    long PatientId, string? PatientName, int DepartmentId, string? DepartmentName, int Priority, int Attempts, int MaxAttempts,
    DateTime NextAttemptAt, DateTime DueTo, string? Outcome, string? LastFailureReason, DateTime UpdatedAt);

internal static class TaskList
{
    public static async Task<(List<TaskRow> Rows, int Total)> ReadAsync(SuifangDbContext db, StaffScope staff, TaskListFilter f,
        Func<ChannelKind, bool> isSimulated, CancellationToken ct)
    {
        var q = db.Tasks.AsNoTracking().Where(t => t.HospitalId == staff.HospitalId);
        if (!staff.AllDepartments)
            q = q.Where(t => staff.DepartmentIds.Contains(t.DepartmentId));
        if (!string.IsNullOrEmpty(f.Queue))
            q = q.Where(t => t.Queue == f.Queue);
        if (f.State is { } state)
            q = q.Where(t => t.State == state);
        if (f.DepartmentId is { } dept)
            q = q.Where(t => t.DepartmentId == dept);
        if (f.PatientId is { } patient)
            q = q.Where(t => t.PatientId == patient);
        var total = await q.CountAsync(ct);
        var size = Math.Clamp(f.PageSize, 1, 200);
        var rows = await q.OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Id).Skip((Math.Max(1, f.Page) - 1) * size).Take(size)
            .Select(t => new
            {
                Task = t,
                Patient = db.Patients.Where(p => p.Id == t.PatientId).Select(p => p.Name).FirstOrDefault(),
                Department = db.Departments.Where(d => d.Id == t.DepartmentId).Select(d => d.Name).FirstOrDefault(),
            }).ToListAsync(ct);
        return (rows.Select(r => new TaskRow(r.Task.Id, r.Task.Queue, r.Task.Channel, isSimulated(r.Task.Channel), r.Task.State,
            TaskStateNames.Of(r.Task.State), r.Task.Paused, r.Task.PatientId, r.Patient, r.Task.DepartmentId, r.Department, r.Task.Priority,
            r.Task.Attempts, r.Task.MaxAttempts, r.Task.NextAttemptAt, r.Task.DueTo, r.Task.Outcome, r.Task.LastFailureReason, r.Task.UpdatedAt)).ToList(), total);
    }
}
