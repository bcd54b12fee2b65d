using System.Globalization;
using Suifang.Core.Patients;
using Suifang.Core.Patients.Writing;

namespace Suifang.Integrations.His.Demo;

/// A department of the hospital with the specialty the demo HIS gives it.
internal sealed record DemoDepartment(string Name, DemoSpecialty Specialty);

/// Something that happened in the demo HIS: an outpatient visit or a discharge, at a time.
internal sealed record DemoEvent(DateTime At, string Resource, PatientRecord Record);

/// One day of the demo hospital: 30–60 outpatient visits and 10–25 discharges, the same every time
/// the same day is generated for the same departments.
internal static class DemoDay
{
    public static IReadOnlyList<DemoEvent> Generate(DateOnly day, IReadOnlyList<DemoDepartment> departments)
    {
        if (departments.Count == 0)
            return [];
        var rng = new Random(day.DayNumber);
        var stamp = day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var events = new List<DemoEvent>();
        var outpatients = rng.Next(30, 61);
        for (var i = 1; i <= outpatients; i++)
        {
            var department = departments[rng.Next(departments.Count)];
            var at = day.ToDateTime(new TimeOnly(8, 0)).AddSeconds(rng.Next(0, 570 * 60));
            var patient = Person(rng, day, department, $"P{stamp}{i:D4}");
            events.Add(new DemoEvent(at, $"门诊 MZ{stamp}{i:D4}", patient with
            {
                Encounter = Encounter(rng, department, $"MZ{stamp}{i:D4}", "门诊", at, null),
            }));
        }
        var discharges = rng.Next(10, 26);
        for (var i = 1; i <= discharges; i++)
        {
            var department = departments[rng.Next(departments.Count)];
            var at = day.ToDateTime(new TimeOnly(9, 0)).AddSeconds(rng.Next(0, 7 * 3600));
            var admitted = day.AddDays(-rng.Next(2, 15)).ToDateTime(new TimeOnly(8, 0)).AddSeconds(rng.Next(0, 10 * 3600));
            var patient = Person(rng, day, department, $"P{stamp}{5000 + i:D4}");
            events.Add(new DemoEvent(at, $"出院 ZY{stamp}{i:D4}", patient with
            {
                Encounter = Encounter(rng, department, $"ZY{stamp}{i:D4}", "出院", admitted, at),
            }));
        }
        return events.OrderBy(e => e.At).ToList();
    }

    private static PatientRecord Person(Random rng, DateOnly day, DemoDepartment department, string hisId)
    {
        var s = department.Specialty;
        var male = s.Male ?? rng.Next(2) == 0;
        var age = rng.Next(s.MinAge, s.MaxAge + 1);
        var birth = day.AddYears(-age).AddDays(-rng.Next(1, 365));
        var name = DemoPeople.Name(rng, male);
        var withId = age >= 16 && rng.Next(4) > 0;
        var withFamily = rng.Next(5) > 0;
        var family = DemoPeople.FamilyContact(rng, name, male, age);
        return new PatientRecord
        {
            HisPatientId = hisId,
            Name = name,
            Gender = male ? "男" : "女",
            BirthDate = birth,
            Phone = DemoPeople.Mobile(rng),
            IdNumber = withId ? DemoPeople.IdNumber(rng, birth, male) : null,
            FamilyContactName = withFamily ? family.Name : null,
            FamilyRelation = withFamily ? family.Relation : null,
            FamilyPhone = withFamily ? family.Phone : null,
        };
    }

    private static EncounterRecord Encounter(Random rng, DemoDepartment department, string visitNumber, string type, DateTime visitAt, DateTime? dischargeAt)
    {
        var s = department.Specialty;
        var primary = s.Diagnoses[rng.Next(s.Diagnoses.Length)];
        var secondary = s.Comorbidities.Where(c => c.Code != primary.Code).OrderBy(_ => rng.Next()).Take(rng.Next(0, 3))
            .Select(c => new Diagnosis { Code = c.Code, Name = c.Name }).ToList();
        var doctors = Doctors(department.Name);
        return new EncounterRecord
        {
            VisitNumber = visitNumber,
            VisitType = type,
            Department = department.Name,
            AttendingDoctor = doctors[rng.Next(doctors.Count)],
            VisitAt = visitAt,
            DischargeAt = dischargeAt,
            PrimaryDiagnosisCode = primary.Code,
            PrimaryDiagnosisName = primary.Name,
            SecondaryDiagnoses = secondary,
        };
    }

    /// Four doctors per department, the same every day (a stable seed: string.GetHashCode differs per process).
    private static List<string> Doctors(string department)
    {
        var rng = new Random(department.Aggregate(17, (h, c) => unchecked(h * 31 + c)));
        return Enumerable.Range(0, 4).Select(_ => DemoPeople.Name(rng, rng.Next(2) == 0)).ToList();
    }
}
