namespace Suifang.Core.Patients;

/// 就诊类型: 门诊 outpatient, 住院 inpatient (still in hospital), 出院 discharged.
public enum VisitType
{
    Outpatient = 1,
    Inpatient = 2,
    Discharged = 3,
}

/// One outpatient visit or one hospital stay.
public sealed class Encounter
{
    public long Id { get; set; }
    public long PatientId { get; set; }
    public Patient? Patient { get; set; }
    public int HospitalId { get; set; }
    public int CampusId { get; set; }

    /// 门诊号/住院号 as the HIS or the import names it; unique per hospital when present.
    public string? VisitNumber { get; set; }
    public VisitType VisitType { get; set; }
    public int DepartmentId { get; set; }
    public string? AttendingDoctor { get; set; }

    /// Outpatient visit time, or admission time for a stay.
    public DateTime VisitAt { get; set; }
    public DateTime? DischargeAt { get; set; }

    public required string PrimaryDiagnosisCode { get; set; }
    public required string PrimaryDiagnosisName { get; set; }
    public List<Diagnosis> SecondaryDiagnoses { get; set; } = [];

    public PatientSource Source { get; set; }
    public DateTime CreatedAt { get; set; }

    /// When a correction last changed the encounter (doctor, diagnosis, discharge, …): the statistics rollup counts the
    /// days of its plans again, because the reports group by its attending doctor (5.1.7).
    public DateTime? UpdatedAt { get; set; }
    public DateTime? DeletedAt { get; set; }

    /// The time a follow-up counts from: discharge for a stay, the visit otherwise.
    public DateTime AnchorTime => DischargeAt ?? VisitAt;
}

/// An ICD-10 coded diagnosis.
public sealed class Diagnosis
{
    public required string Code { get; set; }
    public required string Name { get; set; }
}
