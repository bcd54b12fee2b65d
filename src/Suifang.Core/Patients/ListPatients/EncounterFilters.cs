namespace Suifang.Core.Patients.ListPatients;

/// Filters that read the encounter row itself: department, dates, diagnosis, attending doctor.
internal static class EncounterFilters
{
    public static IQueryable<Encounter> Apply(IQueryable<Encounter> q, PatientListQuery query)
    {
        if (query.DepartmentId is { } department)
            q = q.Where(e => e.DepartmentId == department);
        q = Dates(q, query);
        if (Prefix.Of(query.Doctor) is { } doctor)
            q = q.Where(e => e.AttendingDoctor!.CompareTo(doctor.Low) >= 0 && e.AttendingDoctor.CompareTo(doctor.High) < 0);
        if (!string.IsNullOrWhiteSpace(query.Diagnosis))
            q = Diagnosis(q, query);
        return q;
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

    private static IQueryable<Encounter> Diagnosis(IQueryable<Encounter> q, PatientListQuery query)
    {
        var text = query.Diagnosis!.Trim();
        if (query.DiagnosisIsCode && Prefix.Of(text.ToUpperInvariant()) is { } code)
            return q.Where(e => e.PrimaryDiagnosisCode.CompareTo(code.Low) >= 0 && e.PrimaryDiagnosisCode.CompareTo(code.High) < 0);
        return q.Where(e => e.PrimaryDiagnosisName.Contains(text));
    }
}
