using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Patients;
using Suifang.Core.Patients.ListPatients;
using Suifang.Core.Security;

namespace Suifang.Core.Todos;

/// The filters of the to-do list (5.1.6) as SQL. The to-do's own columns (scope, department, kind, urgency, source,
/// assignee) are plain conditions. The patient filters (name, phone) and the encounter filters (visit type, diagnosis,
/// attending doctor: any one encounter of the patient must match them all) are first resolved to the ids of the
/// matching patients through the patient and encounter indexes, as the patient list does; only when too many patients
/// match (a common surname, all outpatients, words of a diagnosis name) do they stay a test per to-do — Scanned.
internal static class TodoFilters
{
    /// Name or phone filters matching at most this many patients are resolved to ids first.
    internal const int PatientIdCap = 1_000;

    /// Encounter filters matching at most this many encounters are resolved to the ids of their patients first.
    internal const int EncounterIdCap = 5_000;

    /// Indexed: what the indexes can serve (including a resolved set of patient ids). Scanned: the per-to-do test of a
    /// patient filter too common to resolve, or null.
    public sealed record Resolved(IQueryable<TodoItem> Indexed, Expression<Func<TodoItem, bool>>? Scanned);

    public static async Task<Resolved> ResolveAsync(
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

        var byPatient = await PatientsAsync(db, protector, scope, query, ct);
        var byEncounter = await EncountersAsync(db, scope, query, ct);
        var resolved = new[] { byPatient.Ids, byEncounter.Ids }.OfType<HashSet<long>>().ToList();
        var scanned = new[] { byPatient.Scanned, byEncounter.Scanned }.OfType<Expression<Func<TodoItem, bool>>>().ToList();
        if (resolved.Count > 0)
        {
            var ids = resolved.Aggregate((a, b) => { a.IntersectWith(b); return a; }).Order().ToArray();
            q = q.Where(t => EF.Parameter(ids).Contains(t.PatientId));
            // Few patients: the ids bound the work, the other test runs on their to-dos only.
            foreach (var test in scanned)
                q = q.Where(test);
            return new Resolved(q, null);
        }
        return scanned.Count switch
        {
            0 => new Resolved(q, null),
            1 => new Resolved(q, scanned[0]),
            _ => new Resolved(q, And(scanned[0], scanned[1])),
        };
    }

    private sealed record Match(HashSet<long>? Ids, Expression<Func<TodoItem, bool>>? Scanned)
    {
        public static readonly Match None = new(null, null);
    }

    private static async Task<Match> PatientsAsync(
        SuifangDbContext db, SensitiveDataProtector protector, StaffScope scope, TodoListQuery query, CancellationToken ct)
    {
        var name = Prefix.Of(query.Name);
        var digits = TodoListQuery.Digits(query.Phone);
        if (name is null && digits is null)
            return Match.None;
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
        return ids.Count <= PatientIdCap ? new Match([.. ids], null) : new Match(null, t => patients.Any(p => p.Id == t.PatientId));
    }

    /// Visit type, diagnosis and attending doctor are the patient's: any of their encounters matches them all.
    private static async Task<Match> EncountersAsync(SuifangDbContext db, StaffScope scope, TodoListQuery query, CancellationToken ct)
    {
        if (query.VisitType is null && string.IsNullOrWhiteSpace(query.Diagnosis) && string.IsNullOrWhiteSpace(query.Doctor))
            return Match.None;
        var words = !query.DiagnosisIsCode && !string.IsNullOrWhiteSpace(query.Diagnosis) ? query.Diagnosis.Trim() : null;
        IQueryable<Encounter> Matching(IQueryable<Encounter> encounters)
        {
            if (query.VisitType is { } visit)
                encounters = encounters.Where(e => e.VisitType == visit);
            if (Prefix.Of(query.Doctor) is { } doctor)
                encounters = encounters.Where(e => e.AttendingDoctor!.CompareTo(doctor.Low) >= 0 && e.AttendingDoctor.CompareTo(doctor.High) < 0);
            if (query.DiagnosisIsCode && Prefix.Of(query.Diagnosis!.Trim().ToUpperInvariant()) is { } code)
                encounters = encounters.Where(e => e.PrimaryDiagnosisCode.CompareTo(code.Low) >= 0 && e.PrimaryDiagnosisCode.CompareTo(code.High) < 0);
            else if (words is not null)
                encounters = encounters.Where(e => e.PrimaryDiagnosisName.Contains(words));
            return encounters;
        }

        // Words inside a diagnosis name: no index serves them, so they are never resolved first.
        if (words is null)
        {
            // The encounter indexes lead with (HospitalId, VisitType): without a visit type all three are named, which
            // matches every encounter and lets a code or doctor range be sought within each type.
            var inHospital = db.Encounters.AsNoTracking().Where(e => e.HospitalId == scope.HospitalId);
            if (query.VisitType is null)
                inHospital = inHospital.Where(e => e.VisitType == VisitType.Outpatient || e.VisitType == VisitType.Inpatient || e.VisitType == VisitType.Discharged);
            var found = await Matching(inHospital).Select(e => e.PatientId).Take(EncounterIdCap + 1).ToListAsync(ct);
            if (found.Count <= EncounterIdCap)
                return new Match([.. found], null);
        }
        var matching = Matching(db.Encounters.AsNoTracking());
        // A scalar sub-query with LIMIT 1 rather than EXISTS: PostgreSQL turns EXISTS into a hash semi-join that first reads
        // every matching encounter (tens of thousands for a common code); this probes the patient's few encounters per to-do.
        return new Match(null, t => matching.Where(e => e.PatientId == t.PatientId).Select(e => (int?)1).FirstOrDefault() != null);
    }

    private static Expression<Func<TodoItem, bool>> And(Expression<Func<TodoItem, bool>> a, Expression<Func<TodoItem, bool>> b)
    {
        var body = new Rebind(b.Parameters[0], a.Parameters[0]).Visit(b.Body);
        return Expression.Lambda<Func<TodoItem, bool>>(Expression.AndAlso(a.Body, body), a.Parameters[0]);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
