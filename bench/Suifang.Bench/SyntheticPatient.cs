using Suifang.Core.Patients;

namespace Suifang.Bench;

internal sealed record SyntheticEncounter(long Id, VisitType Type, int Department, string Doctor, DateTime VisitAt, DateTime? DischargeAt, string Code, string Diagnosis);

internal sealed record SyntheticPatient(long Id, string Name, Gender Gender, DateOnly BirthDate, string Phone, string? FamilyPhone, List<SyntheticEncounter> Encounters);

/// Deterministic synthetic patients: 1 to 3 encounters each over the last three years,
/// about two thirds outpatient, a third discharged, and the few still in hospital admitted in the last month.
internal sealed class SyntheticPatients(int seed, DateTime today, int departmentCount)
{
    private readonly Random _rng = new(seed);
    private long _encounterId;

    public SyntheticPatient Next(long id)
    {
        var surname = SyntheticHospital.Surnames[SyntheticHospital.Skewed(_rng, SyntheticHospital.Surnames.Length)];
        var given = string.Concat(Enumerable.Range(0, _rng.Next(1, 3)).Select(_ => SyntheticHospital.GivenNameChars[_rng.Next(SyntheticHospital.GivenNameChars.Length)]));
        var prefix = 130 + _rng.Next(70);
        var phone = $"{prefix}{id * 48271 % 100_000_000:D8}";
        var family = _rng.NextDouble() < 0.3 ? $"{130 + _rng.Next(70)}{(id * 69621 + 7) % 100_000_000:D8}" : null;
        var birth = DateOnly.FromDateTime(today).AddDays(-_rng.Next(365 * 1, 365 * 95));
        var count = 1 + (_rng.NextDouble() < 0.4 ? 1 : 0) + (_rng.NextDouble() < 0.1 ? 1 : 0);
        var encounters = Enumerable.Range(0, count).Select(_ => NextEncounter()).ToList();
        return new SyntheticPatient(id, surname + given, _rng.Next(2) == 0 ? Gender.Male : Gender.Female, birth, phone, family, encounters);
    }

    private SyntheticEncounter NextEncounter()
    {
        var dept = SyntheticHospital.Skewed(_rng, departmentCount);
        var doctor = SyntheticHospital.DoctorName(dept, _rng.Next(SyntheticHospital.DoctorsPerDepartment));
        var (code, name) = SyntheticHospital.Diagnoses[SyntheticHospital.Skewed(_rng, SyntheticHospital.Diagnoses.Length)];
        var roll = _rng.NextDouble();
        var minutes = _rng.Next(8 * 60, 18 * 60);
        if (roll < 0.01)
        {
            var admitted = today.AddDays(-_rng.Next(30)).Date.AddMinutes(minutes);
            return new SyntheticEncounter(++_encounterId, VisitType.Inpatient, dept, doctor, admitted, null, code, name);
        }
        var day = today.Date.AddDays(-_rng.Next(3 * 365));
        if (roll < 0.34)
        {
            var discharged = day.AddMinutes(minutes);
            var admittedAt = discharged.AddDays(-_rng.Next(2, 15)).AddHours(-_rng.Next(5));
            return new SyntheticEncounter(++_encounterId, VisitType.Discharged, dept, doctor, admittedAt, discharged, code, name);
        }
        return new SyntheticEncounter(++_encounterId, VisitType.Outpatient, dept, doctor, day.AddMinutes(minutes), null, code, name);
    }
}
