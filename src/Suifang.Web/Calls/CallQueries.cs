using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Calls;
using Suifang.Core.Data;
using Suifang.Core.Todos;

namespace Suifang.Web.Calls;

/// Filters of the call list; every field optional. Dates are days (hospital local time), To inclusive.
internal sealed record CallListFilter(DateOnly? From = null, DateOnly? To = null, int? DepartmentId = null, CallEnd? End = null,
    long? PatientId = null, int Page = 1, int PageSize = 50);

public sealed record CallRow(long Id, DateTime StartedAt, long PatientId, string? PatientName, int DepartmentId, string? DepartmentName,
    string NumberMasked, string? Period, CallStatus Status, CallEnd End, string EndName, string? Detail, bool Simulated, bool AnsweredByFamily,
    int? Seconds, int Todos, bool Inbound = false);

public sealed record CallDetail(Call Call, string? PatientName, string? DepartmentName, List<CallTurn> Turns, List<FollowUpResult> Results,
    List<TodoItem> Todos, Dictionary<string, string> QuestionTexts);

public sealed record PatientResultRow(DateTime At, string QuestionKey, string Value, string Said, ResultSource Source, string? Period, long? CallId,
    bool Inbound = false);

/// The call pages' reads, scoped to the staff member's departments. Opening a call (its transcript) is audited.
internal static class CallQueries
{
    public static async Task<(List<CallRow> Rows, int Total)> ListAsync(SuifangDbContext db, StaffScope staff, CallListFilter f, CancellationToken ct)
    {
        var q = db.Calls.AsNoTracking().Where(c => c.HospitalId == staff.HospitalId);
        if (!staff.AllDepartments)
            q = q.Where(c => staff.DepartmentIds.Contains(c.DepartmentId));
        if (f.From is { } from)
            q = q.Where(c => c.StartedAt >= from.ToDateTime(TimeOnly.MinValue));
        if (f.To is { } to)
            q = q.Where(c => c.StartedAt < to.AddDays(1).ToDateTime(TimeOnly.MinValue));
        if (f.DepartmentId is { } dept)
            q = q.Where(c => c.DepartmentId == dept);
        if (f.End is { } end)
            q = q.Where(c => c.End == end);
        if (f.PatientId is { } patient)
            q = q.Where(c => c.PatientId == patient);
        var total = await q.CountAsync(ct);
        var size = Math.Clamp(f.PageSize, 1, 200);
        var rows = await q.OrderByDescending(c => c.StartedAt).ThenByDescending(c => c.Id).Skip((Math.Max(1, f.Page) - 1) * size).Take(size)
            .Select(c => new
            {
                Call = c,
                Patient = db.Patients.Where(p => p.Id == c.PatientId).Select(p => p.Name).FirstOrDefault(),
                Department = db.Departments.Where(d => d.Id == c.DepartmentId).Select(d => d.Name).FirstOrDefault(),
                Todos = db.Todos.Count(t => t.CallId == c.Id),
            }).ToListAsync(ct);
        return (rows.Select(r => new CallRow(r.Call.Id, r.Call.StartedAt, r.Call.PatientId, r.Patient, r.Call.DepartmentId, r.Department,
            r.Call.NumberMasked, r.Call.Period, r.Call.Status, r.Call.End, CallText.End(r.Call.End), r.Call.Detail, r.Call.Simulated,
            r.Call.AnsweredByFamily, Seconds(r.Call), r.Todos, r.Call.Inbound)).ToList(), total);
    }

    public static async Task<(CallDetail? Detail, bool Forbidden)> DetailAsync(SuifangDbContext db, StaffScope staff, long id, CancellationToken ct)
    {
        var call = await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.HospitalId == staff.HospitalId, ct);
        if (call is null)
            return (null, false);
        db.Actor = staff.Actor;
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!staff.CanSeeDepartment(call.DepartmentId))
        {
            db.AuditEvent("view", nameof(Call), key, $"查看通话 {id} 被拒绝：不属于本人科室");
            await db.SaveChangesAsync(ct);
            return (null, true);
        }
        var patient = await db.Patients.AsNoTracking().IgnoreQueryFilters().Where(p => p.Id == call.PatientId).Select(p => p.Name).FirstOrDefaultAsync(ct);
        var department = await db.Departments.AsNoTracking().Where(d => d.Id == call.DepartmentId).Select(d => d.Name).FirstOrDefaultAsync(ct);
        var turns = await db.CallTurns.AsNoTracking().Where(t => t.CallId == id).OrderBy(t => t.Index).ToListAsync(ct);
        var results = await db.FollowUpResults.AsNoTracking().Where(r => r.CallId == id).OrderBy(r => r.TurnIndex).ToListAsync(ct);
        var todos = await db.Todos.AsNoTracking().Where(t => t.CallId == id).OrderByDescending(t => t.Urgency).ToListAsync(ct);
        var step = call.PlanStepId is { } stepId ? await db.PlanSteps.AsNoTracking().Include(s => s.Node).FirstOrDefaultAsync(s => s.Id == stepId, ct) : null;
        var texts = (step?.Content.Questions ?? []).GroupBy(q => q.Key).ToDictionary(g => g.Key, g => g.First().Text);
        db.AuditEvent("view", nameof(Call), key, $"查看通话 {id} 的对话记录（患者 {patient}，ID {call.PatientId}）");
        await db.SaveChangesAsync(ct);
        return (new CallDetail(call, patient, department, turns, results, todos, texts), false);
    }

    /// A patient's answers from every channel, newest first (the archive's 随访结果). The caller has checked the scope.
    public static Task<List<PatientResultRow>> PatientResultsAsync(SuifangDbContext db, long patientId, int take, CancellationToken ct) =>
        db.FollowUpResults.AsNoTracking().Where(r => r.PatientId == patientId).OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Take(take)
            .Select(r => new PatientResultRow(r.At, r.QuestionKey, r.Value, r.Said, r.Source, r.Period, r.CallId,
                r.CallId != null && db.Calls.Any(c => c.Id == r.CallId && c.Inbound))).ToListAsync(ct);

    private static int? Seconds(Call c) => c.EndedAt is { } end && c.AnsweredAt is { } answered ? (int)(end - answered).TotalSeconds : null;
}
