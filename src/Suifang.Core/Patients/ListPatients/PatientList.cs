using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Security;

namespace Suifang.Core.Patients.ListPatients;

/// The inpatient, outpatient and discharged lists (5.1.2): filters, paging, newest first.
public static class PatientList
{
    public const int CountCap = 10_000;

    /// With a filter that no index serves (words of a diagnosis name, a very common surname) matches are counted
    /// among the newest ScanWindow records only; past it the total is a lower bound ("1,234+").
    public const int ScanWindow = 5_000;

    /// Name or phone filters matching at most this many patients are resolved to ids first.
    internal const int PatientIdCap = 1_000;

    public static async Task<ScopedResult<PatientListPage>> RunAsync(
        SuifangDbContext db, SensitiveDataProtector protector, StaffScope scope, PatientListQuery query, DateOnly today, CancellationToken ct = default)
    {
        if (query.DepartmentId is { } asked && !scope.CanSeeDepartment(asked))
            return ScopedResult<PatientListPage>.Forbidden;

        var (ids, byPatient) = await PatientFilters.ResolveAsync(db, protector, scope, query, ct);
        var scanned = new[] { EncounterFilters.Scanned(query), byPatient }.OfType<Expression<Func<Encounter, bool>>>().ToList();
        var forCount = Base(query, ids, db.Encounters.VisibleTo(scope), inDateOrder: false);
        var forPage = Base(query, ids, db.Encounters.VisibleInDateOrder(scope), inDateOrder: true);
        foreach (var filter in scanned)
            forPage = forPage.Where(filter);
        var window = scanned.Count == 0 ? null : Window(forCount, scanned, query.List);

        var (total, capped) = window is null ? await CountAsync(forCount, ct) : await CountInWindowAsync(window, forCount, ct);
        var pageSize = Math.Clamp(query.PageSize, 1, PatientListQuery.MaxPageSize);
        var page = Math.Max(1, query.Page);
        var skip = (page - 1) * pageSize;
        // A page that lies within the counted window is read from it: bounded work whatever the planner estimates.
        var source = window is not null && (!capped || skip + pageSize <= total) ? window : forPage;
        IReadOnlyList<PatientListRow> rows = !capped && skip >= total
            ? []
            : await PatientListRows.ReadAsync(db, Newest(source, query.List), skip, pageSize, today, ct);
        return ScopedResult<PatientListPage>.Granted(new PatientListPage(rows, page, pageSize, total, capped));
    }

    internal static IOrderedQueryable<Encounter> Newest(IQueryable<Encounter> encounters, VisitType list) =>
        list == VisitType.Discharged
            ? encounters.OrderByDescending(e => e.DischargeAt).ThenByDescending(e => e.Id)
            : encounters.OrderByDescending(e => e.VisitAt).ThenByDescending(e => e.Id);

    private static IQueryable<Encounter> Base(PatientListQuery query, IReadOnlyList<long>? ids, IQueryable<Encounter> visible, bool inDateOrder)
    {
        var q = EncounterFilters.Apply(visible.AsNoTracking().Where(e => e.VisitType == query.List), query, inDateOrder);
        return ids is null ? q : q.Where(e => ids.Contains(e.PatientId));
    }

    private static async Task<(int, bool)> CountAsync(IQueryable<Encounter> q, CancellationToken ct)
    {
        var counted = await q.Take(CountCap + 1).CountAsync(ct);
        return (Math.Min(counted, CountCap), counted > CountCap);
    }

    private static IQueryable<Encounter> Window(IQueryable<Encounter> q, List<Expression<Func<Encounter, bool>>> scanned, VisitType list)
    {
        var window = Newest(q, list).Take(ScanWindow);
        foreach (var filter in scanned)
            window = window.Where(filter);
        return window;
    }

    private static async Task<(int, bool)> CountInWindowAsync(IQueryable<Encounter> window, IQueryable<Encounter> all, CancellationToken ct)
    {
        var matches = await window.CountAsync(ct);
        var beyond = await all.Take(ScanWindow + 1).CountAsync(ct) > ScanWindow;
        return (matches, beyond);
    }
}
