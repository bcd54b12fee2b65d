using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Security;

namespace Suifang.Core.Patients.Writing;

public enum WriteOutcome
{
    Created,
    Updated,
    Unchanged,
}

public sealed record RowOutcome(Patient Patient, WriteOutcome PatientOutcome, WriteOutcome? EncounterOutcome)
{
    /// The encounter the row wrote (new or existing), when it had one; its Id is real after saving.
    public Encounter? Encounter { get; init; }
}

/// Writes validated records: finds the same person (HIS id, ID number, or name + phone) and the same
/// encounter (visit number, or department + time) so that a repeated import or pull creates no duplicates.
/// One call is one SaveChanges: the batch and its audit entries commit together or not at all.
public sealed class PatientWriter(SuifangDbContext db, SensitiveDataProtector protector)
{
    public async Task<IReadOnlyList<RowOutcome>> WriteAsync(
        IReadOnlyList<ValidatedPatient> batch, int hospitalId, PatientSource source, DateTime now, CancellationToken ct = default)
    {
        var outcomes = await StageAsync(batch, hospitalId, source, now, ct);
        await db.SaveChangesAsync(ct);
        CountWritten(outcomes, source);
        // 5.1.3: the plan rules create the follow-up plans of the encounters that just arrived.
        await Plans.Automatic.AutoPlanner.OnArrivalAsync(db, outcomes, now, ct);
        return outcomes;
    }

    /// Adds a saved batch to the suifang.patients.rows metric, by source and outcome.
    public static void CountWritten(IReadOnlyList<RowOutcome> outcomes, PatientSource source)
    {
        foreach (var group in outcomes.GroupBy(o => o.PatientOutcome))
            Observability.SuifangMetrics.PatientRows.Add(group.Count(),
                new KeyValuePair<string, object?>("source", source.ToString()), new KeyValuePair<string, object?>("outcome", group.Key.ToString()));
    }

    /// Applies the batch to the context without saving, so that a caller can save other rows
    /// (e.g. an import job's counts) in the same transaction.
    public Task<IReadOnlyList<RowOutcome>> StageAsync(
        IReadOnlyList<ValidatedPatient> batch, int hospitalId, PatientSource source, DateTime now, CancellationToken ct = default) =>
        StageAsync(PreparedRow.Prepare(batch, protector), hospitalId, source, now, ct);

    /// The same for rows prepared (encrypted and indexed) beforehand, possibly on another thread.
    public async Task<IReadOnlyList<RowOutcome>> StageAsync(
        List<PreparedRow> keys, int hospitalId, PatientSource source, DateTime now, CancellationToken ct = default)
    {
        var known = await KnownPatientsAsync(hospitalId, keys, ct);
        var outcomes = new List<RowOutcome>(keys.Count);
        foreach (var row in keys)
        {
            var patient = known.Find(row);
            WriteOutcome patientOutcome;
            if (patient is null)
            {
                patient = NewPatient(row, hospitalId, source, now);
                // A large batch inserts its new patients without tracking them (see UntrackedAppend).
                if (db.BulkAppend)
                    db.AppendNew(patient);
                else
                    db.Patients.Add(patient);
                known.Add(patient);
                patientOutcome = WriteOutcome.Created;
            }
            else
            {
                patientOutcome = Update(patient, row, now) ? WriteOutcome.Updated : WriteOutcome.Unchanged;
            }
            var (encounterOutcome, encounter) = row.Patient.Encounter is { } e ? WriteEncounter(patient, e, hospitalId, source, now) : (null, null);
            outcomes.Add(new RowOutcome(patient, patientOutcome, encounterOutcome) { Encounter = encounter });
        }
        return outcomes;
    }

    private async Task<KnownPatients> KnownPatientsAsync(int hospitalId, List<PreparedRow> rows, CancellationToken ct)
    {
        var his = rows.Where(r => r.Patient.HisPatientId is not null).Select(r => r.Patient.HisPatientId!).Distinct().ToList();
        var ids = rows.Where(r => r.IdIndex is not null).Select(r => r.IdIndex!).Distinct().ToList();
        var phones = rows.Select(r => r.PhoneIndex).Distinct().ToList();
        // One indexed look-up per kind of key, then one load of the matches with their encounters. The phone
        // and ID look-ups leave the hospital out of the SQL and check it on the ids they return; the final load
        // asks for ids alone. With the hospital in the SQL, SQLite (without planner statistics, as in a fresh
        // database) prefers an index that starts with the hospital and scans all of its patients, once per batch;
        // OR-ing the three conditions in one query does the same.
        // EF.Parameter sends each list as one parameter (json_each on SQLite, an array on PostgreSQL):
        // expanded into a thousand scalar parameters, EF's SQL generation grows quadratically with the batch.
        var matches = new HashSet<long>();
        if (his.Count > 0)
            matches.UnionWith(await db.Patients.Where(p => p.HospitalId == hospitalId && EF.Parameter(his).Contains(p.HisPatientId!)).Select(p => p.Id).ToListAsync(ct));
        if (ids.Count > 0)
            matches.UnionWith((await db.Patients.Where(p => EF.Parameter(ids).Contains(p.IdNumberIndex!)).Select(p => new { p.Id, p.HospitalId }).ToListAsync(ct))
                .Where(p => p.HospitalId == hospitalId).Select(p => p.Id));
        matches.UnionWith((await db.Patients.Where(p => EF.Parameter(phones).Contains(p.PhoneIndex)).Select(p => new { p.Id, p.HospitalId }).ToListAsync(ct))
            .Where(p => p.HospitalId == hospitalId).Select(p => p.Id));
        var keys = matches.ToList();
        var found = keys.Count == 0 ? [] : await db.Patients.Include(p => p.Encounters)
            .Where(p => EF.Parameter(keys).Contains(p.Id))
            .AsSplitQuery()
            .ToListAsync(ct);
        return new KnownPatients(found);
    }

    private Patient NewPatient(PreparedRow row, int hospitalId, PatientSource source, DateTime now)
    {
        var v = row.Patient;
        var p = new Patient
        {
            HospitalId = hospitalId,
            CampusId = v.Campus.Id,
            Name = v.Name,
            Source = source,
            CreatedAt = now,
            UpdatedAt = now,
        };
        Update(p, row, now);
        p.IdentityKey = PatientIdentity.KeyOf(v.HisPatientId, row.IdIndex, v.Name, row.PhoneIndex);
        return p;
    }

    /// Takes every value the source gives; a value the source leaves empty keeps what is stored.
    private bool Update(Patient p, PreparedRow row, DateTime now)
    {
        var v = row.Patient;
        var changed = false;
        void Set<T>(T current, T value, Action<T> apply)
        {
            if (value is null || EqualityComparer<T>.Default.Equals(current, value))
                return;
            apply(value);
            changed = true;
        }
        Set(p.Name, v.Name, x => p.Name = x);
        Set(p.HisPatientId, v.HisPatientId, x => p.HisPatientId = x);
        if (v.Gender != Gender.Unknown)
            Set(p.Gender, v.Gender, x => p.Gender = x);
        if (v.BirthDate is not null && (p.BirthDate is null || p.BirthDateEstimated || !v.BirthDateEstimated))
            Set(p.BirthDate, v.BirthDate, x => (p.BirthDate, p.BirthDateEstimated) = (x, v.BirthDateEstimated));
        // Numbers are compared by their search index: the cipher text differs on every encryption.
        Set(p.PhoneIndex, row.PhoneIndex, _ => p.SetPhone(row.Phone));
        Set(p.FamilyPhoneIndex, row.FamilyPhoneIndex, _ => p.SetFamilyPhone(row.FamilyPhone));
        Set(p.IdNumberIndex, row.IdIndex, _ => p.SetIdNumber(row.IdNumber));
        Set(p.FamilyContactName, v.FamilyContactName, x => p.FamilyContactName = x);
        Set(p.FamilyRelation, v.FamilyRelation, x => p.FamilyRelation = x);
        if (changed)
            p.UpdatedAt = now;
        return changed;
    }

    private (WriteOutcome?, Encounter?) WriteEncounter(Patient patient, ValidatedEncounter e, int hospitalId, PatientSource source, DateTime now)
    {
        var existing = patient.Encounters.FirstOrDefault(x => SameEncounter(x, e));
        if (existing is null)
        {
            var created = new Encounter
            {
                HospitalId = hospitalId,
                CampusId = patient.CampusId,
                VisitNumber = e.VisitNumber,
                VisitType = e.VisitType,
                DepartmentId = e.Department.Id,
                AttendingDoctor = e.AttendingDoctor,
                VisitAt = e.VisitAt,
                DischargeAt = e.DischargeAt,
                PrimaryDiagnosisCode = e.PrimaryDiagnosisCode,
                PrimaryDiagnosisName = e.PrimaryDiagnosisName,
                SecondaryDiagnoses = e.SecondaryDiagnoses.ToList(),
                Source = source,
                CreatedAt = now,
            };
            patient.Encounters.Add(created);
            return (WriteOutcome.Created, created);
        }
        var changed = false;
        if (existing.VisitType != e.VisitType) { existing.VisitType = e.VisitType; changed = true; }
        if (e.DischargeAt is not null && existing.DischargeAt != e.DischargeAt) { existing.DischargeAt = e.DischargeAt; changed = true; }
        if (e.AttendingDoctor is not null && existing.AttendingDoctor != e.AttendingDoctor) { existing.AttendingDoctor = e.AttendingDoctor; changed = true; }
        if (existing.PrimaryDiagnosisCode != e.PrimaryDiagnosisCode || existing.PrimaryDiagnosisName != e.PrimaryDiagnosisName)
        {
            (existing.PrimaryDiagnosisCode, existing.PrimaryDiagnosisName) = (e.PrimaryDiagnosisCode, e.PrimaryDiagnosisName);
            changed = true;
        }
        // Compared as sets: the database returns an owned collection in no particular order (PostgreSQL shuffles it).
        if (e.SecondaryDiagnoses.Count > 0 && !e.SecondaryDiagnoses.Select(d => d.Code).Order().SequenceEqual(existing.SecondaryDiagnoses.Select(d => d.Code).Order()))
        {
            existing.SecondaryDiagnoses = e.SecondaryDiagnoses.ToList();
            changed = true;
        }
        if (changed)
            existing.UpdatedAt = now;
        return (changed ? WriteOutcome.Updated : WriteOutcome.Unchanged, existing);
    }

    /// The same visit: equal visit numbers; without numbers, the same department and start time
    /// (an inpatient stay and its discharge are one encounter).
    private static bool SameEncounter(Encounter x, ValidatedEncounter e)
    {
        if (x.VisitNumber is not null && e.VisitNumber is not null)
            return x.VisitNumber == e.VisitNumber;
        var bothStays = x.VisitType != VisitType.Outpatient && e.VisitType != VisitType.Outpatient;
        return x.DepartmentId == e.Department.Id && x.VisitAt == e.VisitAt && (bothStays || x.VisitType == e.VisitType);
    }

    private sealed class KnownPatients
    {
        private readonly Dictionary<string, Patient> _byHis = [];
        private readonly Dictionary<string, Patient> _byId = [];
        private readonly Dictionary<string, List<Patient>> _byPhone = [];

        public KnownPatients(IEnumerable<Patient> patients)
        {
            foreach (var p in patients)
                Add(p);
        }

        public void Add(Patient p)
        {
            if (p.HisPatientId is not null)
                _byHis.TryAdd(p.HisPatientId, p);
            if (p.IdNumberIndex is not null)
                _byId.TryAdd(p.IdNumberIndex, p);
            if (!_byPhone.TryGetValue(p.PhoneIndex, out var list))
                _byPhone[p.PhoneIndex] = list = [];
            list.Add(p);
        }

        /// HIS id first, then ID number, then name + phone (unless both carry different HIS ids).
        public Patient? Find(PreparedRow row) =>
            (row.Patient.HisPatientId is { } his ? _byHis.GetValueOrDefault(his) : null)
            ?? (row.IdIndex is { } id ? _byId.GetValueOrDefault(id) : null)
            ?? _byPhone.GetValueOrDefault(row.PhoneIndex)?.FirstOrDefault(p => p.Name == row.Patient.Name
                && (row.Patient.HisPatientId is null || p.HisPatientId is null));
    }
}
