namespace Suifang.Core.Patients.Writing;

/// A patient with (optionally) one encounter, as it arrives from a hand entry, an Excel row or the HIS,
/// before validation. Text fields are as the source gave them.
public sealed record PatientRecord
{
    public string? HisPatientId { get; init; }
    public string? Name { get; init; }
    public string? Gender { get; init; }
    public DateOnly? BirthDate { get; init; }
    public int? Age { get; init; }
    public string? Phone { get; init; }
    public string? FamilyContactName { get; init; }
    public string? FamilyRelation { get; init; }
    public string? FamilyPhone { get; init; }
    public string? IdNumber { get; init; }
    public string? Campus { get; init; }
    public EncounterRecord? Encounter { get; init; }
}

public sealed record EncounterRecord
{
    public string? VisitNumber { get; init; }

    /// 门诊 / 住院 / 出院 (or outpatient / inpatient / discharged).
    public string? VisitType { get; init; }
    public string? Department { get; init; }
    public string? AttendingDoctor { get; init; }
    public DateTime? VisitAt { get; init; }
    public DateTime? DischargeAt { get; init; }
    public string? PrimaryDiagnosisCode { get; init; }
    public string? PrimaryDiagnosisName { get; init; }
    public IReadOnlyList<Diagnosis> SecondaryDiagnoses { get; init; } = [];
}

/// One reason a record was refused: which field, and what to do about it, in Chinese.
public sealed record FieldError(string Field, string Message);
