using Suifang.Core.Accounts;
using Suifang.Core.Patients;
using Suifang.Core.Patients.ListPatients;


namespace Suifang.Bench;

/// The filter kinds a user of the lists applies, each drawing random values from the loaded data.
internal sealed class ListQueryKinds
{
    private static readonly VisitType[] Lists = [VisitType.Discharged, VisitType.Outpatient, VisitType.Inpatient];
    private readonly Random _rng = new(7);
    private readonly int _hospitalId;
    private readonly int[] _departments;
    private readonly List<SyntheticPatient> _samples = [];

    public ListQueryKinds(int hospitalId, int[] departments, int patients)
    {
        (_hospitalId, _departments) = (hospitalId, departments);
        // Regenerates the same stream as the load (same seed) and keeps every 500th patient to search for.
        var again = new SyntheticPatients(2026, new DateTime(2026, 11, 30), departments.Length);
        for (var id = 1; id <= patients; id++)
        {
            var p = again.Next(id);
            if (id % 500 == 0)
                _samples.Add(p);
        }
    }

    public IEnumerable<(string Kind, Func<(StaffScope, PatientListQuery)> Next)> All =>
    [
        ("list", () => (Admin, new PatientListQuery(List()) { Page = 1 + _rng.Next(50) })),
        ("nurse-scope", () => (Nurse(), new PatientListQuery(List()) { Page = 1 + _rng.Next(10) })),
        ("department", () => (Admin, new PatientListQuery(List()) { DepartmentId = Department(), Page = 1 + _rng.Next(10) })),
        ("surname", () => (Admin, new PatientListQuery(List()) { Name = Sample().Name[..1], Page = 1 + _rng.Next(5) })),
        ("full-name", () => (Admin, Of(Sample(), (p, q) => q with { Name = p.Name }))),
        ("phone", () => (Admin, Of(Sample(), (p, q) => q with { Phone = p.Phone }))),
        ("phone-last4", () => (Admin, new PatientListQuery(List()) { Phone = Sample().Phone[^4..] })),
        ("diagnosis-code", () => (Admin, new PatientListQuery(List()) { Diagnosis = Diagnosis().Code[..3] })),
        ("diagnosis-name", () => (Admin, new PatientListQuery(List()) { Diagnosis = Diagnosis().Name[..2] })),
        ("doctor", () => (Admin, Of(Sample(), (p, q) => q with { Doctor = p.Encounters[0].Doctor }))),
        ("date-range", () => (Admin, Week(new PatientListQuery(List())))),
        ("nurse-combined", () => (Nurse(), Week(new PatientListQuery(List()) { Diagnosis = Diagnosis().Code[..1] }))),
    ];

    private static readonly StaffScope AdminScope = new("bench", "基准", 0, true, new HashSet<int>(), new HashSet<string> { Roles.Admin });

    private StaffScope Admin => AdminScope with { HospitalId = _hospitalId };

    private StaffScope Nurse() => new("bench-nurse", "护士", _hospitalId, false,
        Enumerable.Range(0, 1 + _rng.Next(2)).Select(_ => Department()).ToHashSet(), new HashSet<string> { Roles.Nurse });

    private VisitType List() => Lists[_rng.Next(_rng.NextDouble() < 0.1 ? 3 : 2)];

    private int Department() => _departments[_rng.Next(_departments.Length)];

    private SyntheticPatient Sample() => _samples[_rng.Next(_samples.Count)];

    private (string Code, string Name) Diagnosis() => SyntheticHospital.Diagnoses[_rng.Next(SyntheticHospital.Diagnoses.Length)];

    /// A query on the list the sampled patient is actually on, so the search finds them.
    private static PatientListQuery Of(SyntheticPatient p, Func<SyntheticPatient, PatientListQuery, PatientListQuery> with) =>
        with(p, new PatientListQuery(p.Encounters[0].Type));

    private PatientListQuery Week(PatientListQuery q)
    {
        var from = DateOnly.FromDateTime(new DateTime(2026, 11, 30)).AddDays(-_rng.Next(3 * 365));
        return q with { From = from, To = from.AddDays(6) };
    }
}
