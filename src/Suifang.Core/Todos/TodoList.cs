using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Patients;
using Suifang.Core.Security;

namespace Suifang.Core.Todos;

/// The nurses' to-do list (5.1.6, 7.2.4.1): 未处理 sorted by urgency then age (the most urgent, longest waiting first),
/// 已处理 newest closed first; filters; paging; only the user's departments; phones masked.
public static class TodoList
{
    /// The 已处理 count stops here and shows "1000+": counting further would read every closed to-do of the scope for a
    /// figure nobody pages through; the rows past it stay reachable.
    public const int CountCap = 1_000;

    /// A patient filter too common to resolve to patient ids first is counted among the newest ScanWindow to-dos of the
    /// group only; past it the count is a lower bound ("123+"). The rows of every page stay exact.
    public const int ScanWindow = 2_000;

    public static async Task<ScopedResult<TodoListPage>> RunAsync(
        SuifangDbContext db, SensitiveDataProtector protector, StaffScope scope, TodoListQuery query, CancellationToken ct = default)
    {
        if (query.DepartmentId is { } asked && !scope.CanSeeDepartment(asked))
            return ScopedResult<TodoListPage>.Forbidden;
        var (filtered, scanned) = await TodoFilters.ResolveAsync(db, protector, scope, query, ct);
        var open = await CountAsync(filtered.Where(t => t.Status == TodoStatus.Open), TodoStatus.Open, scanned, null, ct);
        var closed = await CountAsync(filtered.Where(t => t.Status == TodoStatus.Closed), TodoStatus.Closed, scanned, CountCap, ct);

        var pageSize = Math.Clamp(query.PageSize, 1, TodoListQuery.MaxPageSize);
        var page = Math.Max(1, query.Page);
        var skip = (page - 1) * pageSize;
        var group = query.Group == TodoStatus.Open ? open : closed;
        // A page within the counted window is read from it: bounded work whatever the planner estimates.
        var source = group.Window is not null && (!group.Capped || skip + pageSize <= group.Count) ? Ordered(group.Window, query.Group) : group.All;
        var rows = !group.Capped && skip >= group.Count ? [] : await RowsAsync(db, source.Skip(skip).Take(pageSize), ct);
        var sorted = query.Group == TodoStatus.Open
            ? rows.OrderByDescending(r => r.Urgency).ThenBy(r => r.CreatedAt).ThenBy(r => r.Id).ToList()
            : rows.OrderByDescending(r => r.ClosedAt).ThenByDescending(r => r.Id).ToList();
        return ScopedResult<TodoListPage>.Granted(new TodoListPage(sorted, page, pageSize, group.Count, open.Count, closed.Count, closed.Capped)
        {
            OpenCountIsCapped = open.Capped,
        });
    }

    /// 未处理: the most urgent, longest waiting first; 已处理: newest closed first. The indexes
    /// (HospitalId, Status, Urgency DESC, CreatedAt, Id) and (HospitalId, Status, ClosedAt, Id) hold these orders.
    private static IOrderedQueryable<TodoItem> Ordered(IQueryable<TodoItem> todos, TodoStatus group) => group == TodoStatus.Open
        ? todos.OrderByDescending(t => t.Urgency).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id)
        : todos.OrderByDescending(t => t.ClosedAt).ThenByDescending(t => t.Id);

    /// All: the group's matching to-dos in order. Window: the matches among its newest ScanWindow to-dos, when a
    /// per-to-do test had to be counted that way.
    private sealed record Counted(IOrderedQueryable<TodoItem> All, IQueryable<TodoItem>? Window, int Count, bool Capped);

    private static async Task<Counted> CountAsync(
        IQueryable<TodoItem> group, TodoStatus status, Expression<Func<TodoItem, bool>>? scanned, int? cap, CancellationToken ct)
    {
        var limit = cap ?? int.MaxValue;
        if (scanned is null)
        {
            var counted = cap is { } c ? await group.Take(c + 1).CountAsync(ct) : await group.CountAsync(ct);
            return new Counted(Ordered(group, status), null, Math.Min(counted, limit), counted > limit);
        }
        var window = Ordered(group, status).Take(ScanWindow).Where(scanned);
        var matches = await window.CountAsync(ct);
        var beyond = await group.Take(ScanWindow + 1).CountAsync(ct) > ScanWindow;
        return new Counted(Ordered(group.Where(scanned), status), window, Math.Min(matches, limit), beyond || matches > limit);
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
