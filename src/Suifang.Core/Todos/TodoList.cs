using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Patients;
using Suifang.Core.Patients.ListPatients;
using Suifang.Core.Security;

namespace Suifang.Core.Todos;

/// The nurses' to-do list (5.1.6, 7.2.4.1): 未处理 sorted by urgency then age (the most urgent, longest waiting first),
/// 已处理 newest closed first; filters; paging; only the user's departments; phones masked.
public static class TodoList
{
    public const int CountCap = 10_000;

    /// Name or phone filters matching at most this many patients are resolved to ids first.
    internal const int PatientIdCap = 1_000;

    public static async Task<ScopedResult<TodoListPage>> RunAsync(
        SuifangDbContext db, SensitiveDataProtector protector, StaffScope scope, TodoListQuery query, CancellationToken ct = default)
    {
        if (query.DepartmentId is { } asked && !scope.CanSeeDepartment(asked))
            return ScopedResult<TodoListPage>.Forbidden;
        var filtered = await FilteredAsync(db, protector, scope, query, ct);
        var open = filtered.Where(t => t.Status == TodoStatus.Open);
        var closed = filtered.Where(t => t.Status == TodoStatus.Closed);
        var openCount = await open.CountAsync(ct);
        var closedCounted = await closed.Take(CountCap + 1).CountAsync(ct);
        var closedCount = Math.Min(closedCounted, CountCap);

        var pageSize = Math.Clamp(query.PageSize, 1, TodoListQuery.MaxPageSize);
        var page = Math.Max(1, query.Page);
        var ordered = query.Group == TodoStatus.Open
            ? open.OrderByDescending(t => t.Urgency).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id)
            : closed.OrderByDescending(t => t.ClosedAt).ThenByDescending(t => t.Id);
        var total = query.Group == TodoStatus.Open ? openCount : closedCount;
        var rows = (page - 1) * pageSize >= total ? [] : await RowsAsync(db, ordered.Skip((page - 1) * pageSize).Take(pageSize), ct);
        var sorted = query.Group == TodoStatus.Open
            ? rows.OrderByDescending(r => r.Urgency).ThenBy(r => r.CreatedAt).ThenBy(r => r.Id).ToList()
            : rows.OrderByDescending(r => r.ClosedAt).ThenByDescending(r => r.Id).ToList();
        return ScopedResult<TodoListPage>.Granted(new TodoListPage(sorted, page, pageSize, total, openCount, closedCount, closedCounted > CountCap));
    }

    /// The to-dos this user may see: one hospital, their departments (admins and supervisors all).
    public static IQueryable<TodoItem> VisibleTo(this IQueryable<TodoItem> todos, StaffScope scope)
    {
        var inHospital = todos.Where(t => t.HospitalId == scope.HospitalId);
        if (scope.AllDepartments)
            return inHospital;
        var departments = scope.DepartmentIds.ToArray();
        return inHospital.Where(t => departments.Contains(t.DepartmentId));
    }

    private static async Task<IQueryable<TodoItem>> FilteredAsync(
        SuifangDbContext db, SensitiveDataProtector protector, StaffScope scope, TodoListQuery query, CancellationToken ct)
    {
        var q = db.Todos.AsNoTracking().VisibleTo(scope);
        if (query.DepartmentId is { } department)
            q = q.Where(t => t.DepartmentId == department);
        if (query.Kind is { } kind)
            q = q.Where(t => t.Kind == kind);
        if (query.Urgency is { } urgency)
            q = q.Where(t => t.Urgency == urgency);
        if (!string.IsNullOrWhiteSpace(query.Source))
        {
            var source = query.Source.Trim();
            q = q.Where(t => t.Source == source);
        }
        if (query.AssignedToMe)
            q = q.Where(t => t.AssignedToUserId == scope.UserId);
        q = await ByPatientAsync(db, protector, scope, query, q, ct);
        return ByEncounter(db, query, q);
    }

    private static async Task<IQueryable<TodoItem>> ByPatientAsync(
        SuifangDbContext db, SensitiveDataProtector protector, StaffScope scope, TodoListQuery query, IQueryable<TodoItem> q, CancellationToken ct)
    {
        var name = Prefix.Of(query.Name);
        var digits = TodoListQuery.Digits(query.Phone);
        if (name is null && digits is null)
            return q;
        var patients = db.Patients.AsNoTracking().Where(p => p.HospitalId == scope.HospitalId);
        if (name is { } n)
            patients = patients.Where(p => p.Name.CompareTo(n.Low) >= 0 && p.Name.CompareTo(n.High) < 0);
        if (digits is { Length: 4 })
            patients = patients.Where(p => p.PhoneLast4 == digits);
        else if (digits is not null)
        {
            var index = protector.IndexOf(SensitiveKind.Phone, digits);
            patients = patients.Where(p => p.PhoneIndex == index || p.FamilyPhoneIndex == index);
        }
        var ids = await patients.Select(p => p.Id).Take(PatientIdCap + 1).ToListAsync(ct);
        return ids.Count <= PatientIdCap
            ? q.Where(t => ids.Contains(t.PatientId))
            : q.Where(t => patients.Any(p => p.Id == t.PatientId));
    }

    /// Visit type, diagnosis and attending doctor are the patient's: any of their encounters matches.
    private static IQueryable<TodoItem> ByEncounter(SuifangDbContext db, TodoListQuery query, IQueryable<TodoItem> q)
    {
        if (query.VisitType is null && string.IsNullOrWhiteSpace(query.Diagnosis) && string.IsNullOrWhiteSpace(query.Doctor))
            return q;
        var encounters = db.Encounters.AsNoTracking();
        if (query.VisitType is { } visit)
            encounters = encounters.Where(e => e.VisitType == visit);
        if (Prefix.Of(query.Doctor) is { } doctor)
            encounters = encounters.Where(e => e.AttendingDoctor!.CompareTo(doctor.Low) >= 0 && e.AttendingDoctor.CompareTo(doctor.High) < 0);
        if (query.DiagnosisIsCode && Prefix.Of(query.Diagnosis!.Trim().ToUpperInvariant()) is { } code)
            encounters = encounters.Where(e => e.PrimaryDiagnosisCode.CompareTo(code.Low) >= 0 && e.PrimaryDiagnosisCode.CompareTo(code.High) < 0);
        else if (!string.IsNullOrWhiteSpace(query.Diagnosis))
        {
            var words = query.Diagnosis.Trim();
            encounters = encounters.Where(e => e.PrimaryDiagnosisName.Contains(words));
        }
        return q.Where(t => encounters.Any(e => e.PatientId == t.PatientId));
    }

    /// The patient's to-dos within the user's departments, open first then newest (archive, detail page).
    public static async Task<IReadOnlyList<TodoListRow>> ForPatientAsync(SuifangDbContext db, StaffScope scope, long patientId, CancellationToken ct = default) =>
        (await RowsAsync(db, db.Todos.AsNoTracking().VisibleTo(scope).Where(t => t.PatientId == patientId)
            .OrderBy(t => t.Status).ThenByDescending(t => t.CreatedAt).Take(100), ct))
        .OrderBy(r => r.ClosedAt is not null).ThenByDescending(r => r.CreatedAt).ToList();

    private static async Task<List<TodoListRow>> RowsAsync(SuifangDbContext db, IQueryable<TodoItem> page, CancellationToken ct) =>
        await (from t in page
               join p in db.Patients on t.PatientId equals p.Id
               join d in db.Departments on t.DepartmentId equals d.Id
               select new TodoListRow(t.Id, t.PatientId, p.Name, p.PhoneMasked, t.DepartmentId, d.Name, t.Kind, t.Urgency, t.Reason,
                   t.Source, t.CreatedAt, t.ClosedAt, t.ClosedAction, t.AssignedToUserId, t.AcknowledgedAt)).ToListAsync(ct);
}
