using Suifang.Core.Patients;
using Suifang.Core.Patients.Writing;

namespace Suifang.Web.Patients.Pages;

/// The patient fields of the new and edit forms, as the user types them.
public sealed class PatientForm
{
    public string? Name { get; set; }
    public string? Gender { get; set; }
    public DateTime? BirthDate { get; set; }
    public int? Age { get; set; }
    public string? Phone { get; set; }
    public string? FamilyContactName { get; set; }
    public string? FamilyRelation { get; set; }
    public string? FamilyPhone { get; set; }
    public string? IdNumber { get; set; }
    public string? HisPatientId { get; set; }
    public string? Campus { get; set; }

    /// On the edit form: what is stored, shown masked; an empty number field keeps it.
    public string? PhoneMasked { get; set; }
    public string? FamilyPhoneMasked { get; set; }
    public string? IdNumberMasked { get; set; }

    public PatientRecord ToRecord(EncounterRecord? encounter) => new()
    {
        Name = Name,
        Gender = Gender,
        BirthDate = BirthDate is { } b ? DateOnly.FromDateTime(b) : null,
        Age = BirthDate is null ? Age : null,
        Phone = Phone,
        FamilyContactName = FamilyContactName,
        FamilyRelation = FamilyRelation,
        FamilyPhone = FamilyPhone,
        IdNumber = IdNumber,
        HisPatientId = HisPatientId,
        Campus = Campus,
        Encounter = encounter,
    };

    public static PatientForm From(Patient p, string campusName, DateOnly today) => new()
    {
        Name = p.Name,
        Gender = p.Gender switch { Suifang.Core.Patients.Gender.Male => "男", Suifang.Core.Patients.Gender.Female => "女", _ => null },
        BirthDate = p.BirthDate is { } b && !p.BirthDateEstimated ? b.ToDateTime(TimeOnly.MinValue) : null,
        Age = p.BirthDateEstimated ? p.AgeOn(today) : null,
        FamilyContactName = p.FamilyContactName,
        FamilyRelation = p.FamilyRelation,
        HisPatientId = p.HisPatientId,
        Campus = campusName,
        PhoneMasked = p.PhoneMasked,
        FamilyPhoneMasked = p.FamilyPhoneMasked,
        IdNumberMasked = p.IdNumberMasked,
    };
}

/// One encounter as the user types it.
public sealed class EncounterForm
{
    public long? Id { get; set; }
    public string VisitType { get; set; } = "门诊";
    public string? VisitNumber { get; set; }
    public string? Department { get; set; }
    public string? AttendingDoctor { get; set; }
    public DateTime? VisitDate { get; set; }
    public TimeSpan? VisitTime { get; set; }
    public DateTime? DischargeDate { get; set; }
    public TimeSpan? DischargeTime { get; set; }
    public string? PrimaryDiagnosisCode { get; set; }
    public string? PrimaryDiagnosisName { get; set; }

    /// "E11.9 2型糖尿病; I10 高血压", as in the import sheet.
    public string? SecondaryDiagnoses { get; set; }

    public EncounterRecord ToRecord() => new()
    {
        VisitType = VisitType,
        VisitNumber = VisitNumber,
        Department = Department,
        AttendingDoctor = AttendingDoctor,
        VisitAt = VisitDate?.Date + (VisitTime ?? TimeSpan.Zero),
        DischargeAt = DischargeDate?.Date + (DischargeTime ?? TimeSpan.Zero),
        PrimaryDiagnosisCode = PrimaryDiagnosisCode,
        PrimaryDiagnosisName = PrimaryDiagnosisName,
        SecondaryDiagnoses = Suifang.Core.Patients.Import.CellValues.Diagnoses(SecondaryDiagnoses),
    };

    public static EncounterForm From(Encounter e, string departmentName) => new()
    {
        Id = e.Id,
        VisitType = e.VisitType switch { Core.Patients.VisitType.Outpatient => "门诊", Core.Patients.VisitType.Inpatient => "住院", _ => "出院" },
        VisitNumber = e.VisitNumber,
        Department = departmentName,
        AttendingDoctor = e.AttendingDoctor,
        VisitDate = e.VisitAt.Date,
        VisitTime = e.VisitAt.TimeOfDay,
        DischargeDate = e.DischargeAt?.Date,
        DischargeTime = e.DischargeAt?.TimeOfDay,
        PrimaryDiagnosisCode = e.PrimaryDiagnosisCode,
        PrimaryDiagnosisName = e.PrimaryDiagnosisName,
        SecondaryDiagnoses = string.Join("; ", e.SecondaryDiagnoses.Select(d => $"{d.Code} {d.Name}".Trim())),
    };
}
