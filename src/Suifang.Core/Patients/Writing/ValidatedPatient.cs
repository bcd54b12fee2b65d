using Suifang.Core.Organization;

namespace Suifang.Core.Patients.Writing;

/// A record that passed validation, with its values normalised and its department and campus resolved.
public sealed record ValidatedPatient(
    string? HisPatientId,
    string Name,
    Gender Gender,
    DateOnly? BirthDate,
    bool BirthDateEstimated,
    string Phone,
    string? FamilyContactName,
    string? FamilyRelation,
    string? FamilyPhone,
    string? IdNumber,
    Campus Campus,
    ValidatedEncounter? Encounter);

public sealed record ValidatedEncounter(
    string? VisitNumber,
    VisitType VisitType,
    Department Department,
    string? AttendingDoctor,
    DateTime VisitAt,
    DateTime? DischargeAt,
    string PrimaryDiagnosisCode,
    string PrimaryDiagnosisName,
    IReadOnlyList<Diagnosis> SecondaryDiagnoses);
