using Suifang.Core.Patients;
using Suifang.Core.Security;

namespace Suifang.Testing;

/// Builds a patient with encounters for a test, e.g.
/// <c>new PatientBuilder(protector, hospitalId, campusId).Named("张三").WithPhone("13812341234")
///     .DischargedOn(day, departmentId).WithDiagnosis("I21.9", "急性心肌梗死").Build()</c>.
/// Insert it through a DbContext that has an Actor (TestDatabase.NewContext sets one).
public sealed class PatientBuilder(SensitiveDataProtector protector, int hospitalId, int campusId)
{
    private static int _sequence;
    private readonly List<Encounter> _encounters = [];
    private string _name = "测试患者";
    private string _phone = $"139{Interlocked.Increment(ref _sequence) % 100_000_000:D8}";
    private string? _familyPhone;
    private string? _idNumber;
    private Gender _gender = Gender.Female;
    private DateOnly? _birth = new(1960, 5, 1);

    public PatientBuilder Named(string name) { _name = name; return this; }
    public PatientBuilder WithPhone(string phone) { _phone = phone; return this; }
    public PatientBuilder WithFamilyPhone(string phone) { _familyPhone = phone; return this; }
    public PatientBuilder WithIdNumber(string idNumber) { _idNumber = idNumber; return this; }
    public PatientBuilder Male() { _gender = Gender.Male; return this; }
    public PatientBuilder BornOn(DateOnly day) { _birth = day; return this; }

    public PatientBuilder OutpatientOn(DateTime at, int departmentId, string? doctor = "李医生") =>
        Add(VisitType.Outpatient, departmentId, at, null, doctor);

    public PatientBuilder InHospitalSince(DateTime admittedAt, int departmentId, string? doctor = "李医生") =>
        Add(VisitType.Inpatient, departmentId, admittedAt, null, doctor);

    public PatientBuilder DischargedOn(DateTime dischargedAt, int departmentId, string? doctor = "李医生") =>
        Add(VisitType.Discharged, departmentId, dischargedAt.AddDays(-7), dischargedAt, doctor);

    /// Sets the primary diagnosis of the last encounter added.
    public PatientBuilder WithDiagnosis(string code, string name)
    {
        _encounters[^1].PrimaryDiagnosisCode = code;
        _encounters[^1].PrimaryDiagnosisName = name;
        return this;
    }

    /// Adds a secondary diagnosis to the last encounter added.
    public PatientBuilder AndDiagnosis(string code, string name)
    {
        _encounters[^1].SecondaryDiagnoses.Add(new Diagnosis { Code = code, Name = name });
        return this;
    }

    public Patient Build()
    {
        var patient = new Patient { HospitalId = hospitalId, CampusId = campusId, Name = _name, Gender = _gender, BirthDate = _birth, Source = PatientSource.Manual };
        patient.SetPhone(protector.Protect(SensitiveKind.Phone, _phone));
        patient.SetFamilyPhone(_familyPhone is null ? null : protector.Protect(SensitiveKind.Phone, _familyPhone));
        patient.SetIdNumber(_idNumber is null ? null : protector.Protect(SensitiveKind.IdNumber, _idNumber));
        patient.IdentityKey = PatientIdentity.KeyOf(null, patient.IdNumberIndex, _name, patient.PhoneIndex);
        patient.Encounters.AddRange(_encounters);
        return patient;
    }

    private PatientBuilder Add(VisitType type, int departmentId, DateTime visitAt, DateTime? dischargeAt, string? doctor)
    {
        _encounters.Add(new Encounter
        {
            HospitalId = hospitalId,
            CampusId = campusId,
            VisitType = type,
            DepartmentId = departmentId,
            AttendingDoctor = doctor,
            VisitAt = visitAt,
            DischargeAt = dischargeAt,
            PrimaryDiagnosisCode = "I10.x00",
            PrimaryDiagnosisName = "原发性高血压",
            Source = PatientSource.Manual,
        });
        return this;
    }
}
