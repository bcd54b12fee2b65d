using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Security;

namespace Suifang.Core.Patients.ListPatients;

/// The inpatient, outpatient and discharged lists (5.1.2): filters, paging, newest first.
public static class PatientList
{
    public const int CountCap = 10_000;

    /// Patient-side filters (name, phone) that match at most this many patients are resolved to ids first,
    /// so the encounters are read through the patient index; wider ones are joined while scanning by date.
    internal const int PatientIdCap = 1_000;

    public static async Task<ScopedResult<PatientListPage>> RunAsync(
        SuifangDbContext db, SensitiveDataProtector protector, StaffScope scope, PatientListQuery query, DateOnly today, CancellationToken ct = default)
    {
        if (query.DepartmentId is { } asked && !scope.CanSeeDepartment(asked))
            return ScopedResult<PatientListPage>.Forbidden;

        var encounters = db.Encounters.AsNoTracking().VisibleTo(scope).Where(e => e.VisitType == query.List);
        encounters = EncounterFilters.Apply(encounters, query);
        encounters = await PatientFilters.ApplyAsync(db, protector, scope, encounters, query, ct);

        var counted = await encounters.Take(CountCap + 1).CountAsync(ct);
        var pageSize = Math.Clamp(query.PageSize, 1, PatientListQuery.MaxPageSize);
        var page = Math.Max(1, query.Page);
        var rows = await ReadPageAsync(db, Newest(encounters, query.List), (page - 1) * pageSize, pageSize, today, ct);
        return ScopedResult<PatientListPage>.Granted(
            new PatientListPage(rows, page, pageSize, Math.Min(counted, CountCap), counted > CountCap));
    }

    internal static IOrderedQueryable<Encounter> Newest(IQueryable<Encounter> encounters, VisitType list) =>
        list == VisitType.Discharged
            ? encounters.OrderByDescending(e => e.DischargeAt).ThenByDescending(e => e.Id)
            : encounters.OrderByDescending(e => e.VisitAt).ThenByDescending(e => e.Id);

    private static async Task<IReadOnlyList<PatientListRow>> ReadPageAsync(
        SuifangDbContext db, IOrderedQueryable<Encounter> ordered, int skip, int take, DateOnly today, CancellationToken ct)
    {
        var raw = await (
            from e in ordered.Skip(skip).Take(take)
            join d in db.Departments on e.DepartmentId equals d.Id
            join c in db.Campuses on e.CampusId equals c.Id
            select new
            {
                e.Id, e.PatientId, e.Patient!.Name, e.Patient.Gender, e.Patient.BirthDate, e.Patient.PhoneMasked,
                e.VisitType, e.VisitNumber, e.DepartmentId, Department = d.Name, e.AttendingDoctor,
                e.PrimaryDiagnosisCode, e.PrimaryDiagnosisName, e.VisitAt, e.DischargeAt, Campus = c.Name,
            }).ToListAsync(ct);
        return raw
            .OrderByDescending(r => r.VisitType == VisitType.Discharged ? r.DischargeAt : r.VisitAt).ThenByDescending(r => r.Id)
            .Select(r => new PatientListRow(r.Id, r.PatientId, r.Name, r.Gender, PatientAge.On(r.BirthDate, today), r.PhoneMasked,
                r.VisitType, r.VisitNumber, r.DepartmentId, r.Department, r.AttendingDoctor, r.PrimaryDiagnosisCode,
                r.PrimaryDiagnosisName, r.VisitAt, r.DischargeAt, r.Campus))
            .ToList();
    }
}
