using System.Linq.Expressions;

namespace Suifang.Core.Patients.ListPatients;

/// Filters that read the encounter row itself: department, dates, diagnosis, attending doctor.
internal static class EncounterFilters
{
    /// inDateOrder: for the page query, which should walk the date index; a diagnosis code range is then written
    /// so that the code index is not chosen (it would return every row of a common code for sorting).
    public static IQueryable<Encounter> Apply(IQueryable<Encounter> q, PatientListQuery query, bool inDateOrder)
    {
        if (query.DepartmentId is { } department)
            q = q.Where(e => e.DepartmentId == department);
        q = Dates(q, query);
        if (Prefix.Of(query.Doctor) is { } doctor)
            q = q.Where(e => e.AttendingDoctor!.CompareTo(doctor.Low) >= 0 && e.AttendingDoctor.CompareTo(doctor.High) < 0);
        if (query.DiagnosisIsCode && Prefix.Of(query.Diagnosis!.Trim().ToUpperInvariant()) is { } code)
            q = inDateOrder
                ? q.Where(e => (e.PrimaryDiagnosisCode + "").CompareTo(code.Low) >= 0 && (e.PrimaryDiagnosisCode + "").CompareTo(code.High) < 0)
                : q.Where(e => e.PrimaryDiagnosisCode.CompareTo(code.Low) >= 0 && e.PrimaryDiagnosisCode.CompareTo(code.High) < 0);
        return q;
    }

    /// A filter no index can serve: words inside the diagnosis name.
    public static Expression<Func<Encounter, bool>>? Scanned(PatientListQuery query)
    {
        if (string.IsNullOrWhiteSpace(query.Diagnosis) || query.DiagnosisIsCode)
            return null;
        var words = query.Diagnosis.Trim();
        return e => e.PrimaryDiagnosisName.Contains(words);
    }

    private static IQueryable<Encounter> Dates(IQueryable<Encounter> q, PatientListQuery query)
    {
        var from = query.From?.ToDateTime(TimeOnly.MinValue);
        var before = query.To?.AddDays(1).ToDateTime(TimeOnly.MinValue);
        if (query.List == VisitType.Discharged)
        {
            if (from is not null)
                q = q.Where(e => e.DischargeAt >= from);
            if (before is not null)
                q = q.Where(e => e.DischargeAt < before);
            return q;
        }
        if (from is not null)
            q = q.Where(e => e.VisitAt >= from);
        if (before is not null)
            q = q.Where(e => e.VisitAt < before);
        return q;
    }
}
