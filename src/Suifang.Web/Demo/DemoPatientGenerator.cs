using Suifang.Core.Patients;
using Suifang.Core.Security;

namespace Suifang.Web.Demo;

/// A seeded department of the demo hospital: its table row, its database ids and its doctors.
internal sealed record SeededDepartment(DemoDepartment Demo, int Id, int CampusId, IReadOnlyList<string> Doctors);

/// Makes demo patients with one to three encounters each. The most recent encounter falls in the last
/// eight weeks (most stays are discharged, so follow-ups fall due in the coming weeks; some are still in
/// hospital); earlier ones go back up to two years. Deterministic for a given seed and day.
internal sealed class DemoPatientGenerator(
    IReadOnlyList<SeededDepartment> departments, int hospitalId, DateTime now, SensitiveDataProtector protector, int seed)
{
    private readonly Random _random = new(seed);
    private readonly Weighted<SeededDepartment> _departments = new(departments.Select(d => (d, DemoDepartments.Share(d.Demo.Code))).ToList());
    private readonly DemoContacts _contacts = new(new Random(seed + 1));
    private readonly DemoVisits _visits = new(now);

    public Patient Next()
    {
        var r = _random;
        var home = _departments.Pick(r);
        var gender = home.Demo.Sex ?? (r.NextDouble() < 0.5 ? Gender.Male : Gender.Female);
        var age = r.Next(home.Demo.MinAge, home.Demo.MaxAge + 1);
        var birth = DateOnly.FromDateTime(now).AddYears(-age).AddDays(-r.Next(1, 365));
        var surname = ChineseNames.Surname(r);
        var patient = new Patient
        {
            HospitalId = hospitalId,
            CampusId = home.CampusId,
            Name = surname + ChineseNames.GivenName(r, gender, birth.Year),
            Gender = gender,
            BirthDate = birth,
            Source = PatientSource.Demo,
        };
        patient.SetPhone(protector.Protect(SensitiveKind.Phone, _contacts.Mobile()));
        if (age >= 16 && r.NextDouble() < 0.6)
            patient.SetIdNumber(protector.Protect(SensitiveKind.IdNumber, _contacts.IdNumber(birth, gender)));
        if (DemoFamily.For(r, surname, gender, age, birth.Year) is { } family)
        {
            (patient.FamilyContactName, patient.FamilyRelation) = (family.Name, family.Relation);
            patient.SetFamilyPhone(protector.Protect(SensitiveKind.Phone, _contacts.Mobile()));
        }
        patient.IdentityKey = PatientIdentity.KeyOf(null, patient.IdNumberIndex, patient.Name, patient.PhoneIndex);

        var count = r.NextDouble() switch { < 0.55 => 1, < 0.85 => 2, _ => 3 };
        for (var i = count - 1; i >= 0; i--)
        {
            var department = i == 0 || r.NextDouble() < 0.8 ? home : Another(r, home, gender, age);
            patient.Encounters.Add(Encounter(r, department, hospitalId, age, recent: i == 0));
        }
        patient.CreatedAt = patient.UpdatedAt = patient.Encounters.Min(e => e.VisitAt);
        return patient;
    }

    /// Another department for an earlier visit, one that sees people of this sex and age.
    private SeededDepartment Another(Random r, SeededDepartment home, Gender gender, int age)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var d = _departments.Pick(r);
            if ((d.Demo.Sex is null || d.Demo.Sex == gender) && age >= d.Demo.MinAge && age <= d.Demo.MaxAge)
                return d;
        }
        return home;
    }

    private Encounter Encounter(Random r, SeededDepartment department, int hospital, int age, bool recent)
    {
        var demo = department.Demo;
        var diagnosis = Pick(r, demo.Diagnoses);
        var (type, visitAt, dischargeAt, number) = _visits.Next(r, demo, recent);
        var encounter = new Encounter
        {
            HospitalId = hospital,
            CampusId = department.CampusId,
            DepartmentId = department.Id,
            VisitType = type,
            VisitNumber = number,
            VisitAt = visitAt,
            DischargeAt = dischargeAt,
            AttendingDoctor = department.Doctors[r.Next(department.Doctors.Count)],
            PrimaryDiagnosisCode = diagnosis.Code,
            PrimaryDiagnosisName = diagnosis.Name,
            Source = PatientSource.Demo,
            CreatedAt = dischargeAt ?? visitAt,
        };
        if (age >= 40 && demo.Code is not ("CK" or "EK") && r.NextDouble() < 0.4)
        {
            foreach (var extra in Enumerable.Range(0, r.NextDouble() < 0.3 ? 2 : 1).Select(_ => Pick(r, DemoDiagnoses.Comorbidities))
                         .Where(d => d.Code != diagnosis.Code).DistinctBy(d => d.Code))
                encounter.SecondaryDiagnoses.Add(new Diagnosis { Code = extra.Code, Name = extra.Name });
        }
        return encounter;
    }

    private static DemoDiagnosis Pick(Random r, IReadOnlyList<DemoDiagnosis> diagnoses)
    {
        var roll = r.Next(diagnoses.Sum(d => d.Weight));
        foreach (var d in diagnoses)
            if ((roll -= d.Weight) < 0)
                return d;
        return diagnoses[^1];
    }
}
