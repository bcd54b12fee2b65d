namespace Suifang.Core.Patients.Archive;

/// A patient's archive (患者档案): who they are, numbers masked, and every encounter newest first.
public sealed record PatientArchive(
    long Id,
    string Name,
    Gender Gender,
    DateOnly? BirthDate,
    bool BirthDateEstimated,
    int? Age,
    string PhoneMasked,
    string? FamilyContactName,
    string? FamilyRelation,
    string? FamilyPhoneMasked,
    string? IdNumberMasked,
    string? HisPatientId,
    string CampusName,
    PatientSource Source,
    DateTime CreatedAt,
    IReadOnlyList<ArchiveEncounter> Encounters);

public sealed record ArchiveEncounter(
    long Id,
    VisitType VisitType,
    string? VisitNumber,
    string DepartmentName,
    string CampusName,
    string? AttendingDoctor,
    DateTime VisitAt,
    DateTime? DischargeAt,
    ArchiveDiagnosis PrimaryDiagnosis,
    IReadOnlyList<ArchiveDiagnosis> SecondaryDiagnoses);

public sealed record ArchiveDiagnosis(string Code, string Name);

/// Full numbers, shown only on request to roles that call patients; each reveal is audited.
public sealed record RevealedNumbers(string Phone, string? FamilyPhone, string? IdNumber);
