using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Suifang.Core.Audit;
using Suifang.Core.Patients;

namespace Suifang.Core.Data;

/// Inserts patients that are certainly new (with their encounters and diagnoses) without the change tracker:
/// keys are taken up front (BulkAppend.NextKeysAsync), values are read from the objects through the model's
/// getters, and each patient and encounter gets the audit entry a tracked insert would have given it.
/// Tracking 2,000 objects per import batch cost more than writing them.
internal static class UntrackedAppend
{
    public static async Task<int> InsertAsync(DbContext db, IReadOnlyList<Patient> patients, CancellationToken ct)
    {
        if (patients.Count == 0)
            return 0;
        var (patientType, encounterType, diagnosisType) = Types(db.Model);
        var patientKeys = await BulkAppend.NextKeysAsync(db, patientType, patients.Count, ct);
        var encounters = new List<Encounter>();
        for (var i = 0; i < patients.Count; i++)
        {
            patients[i].Id = patientKeys[i];
            foreach (var e in patients[i].Encounters)
            {
                e.PatientId = patients[i].Id;
                encounters.Add(e);
            }
        }
        var encounterKeys = await BulkAppend.NextKeysAsync(db, encounterType, encounters.Count, ct);
        for (var i = 0; i < encounters.Count; i++)
            encounters[i].Id = encounterKeys[i];
        var diagnoses = encounters.SelectMany(e => e.SecondaryDiagnoses.Select(d => (e.Id, Diagnosis: d))).ToList();
        var diagnosisKeys = await BulkAppend.NextKeysAsync(db, diagnosisType, diagnoses.Count, ct);

        await BulkAppend.InsertRowsAsync(db, patientType, patients.Select(Values).ToList(), ct);
        await BulkAppend.InsertRowsAsync(db, encounterType, encounters.Select(Values).ToList(), ct);
        // Secondary diagnoses are owned: their key and their encounter's key are shadow properties.
        var key = diagnosisType.FindPrimaryKey()!.Properties.Single();
        await BulkAppend.InsertRowsAsync(db, diagnosisType, diagnoses.Select((d, i) => (Func<IProperty, object?>)(p =>
            p == key ? Convert.ChangeType(diagnosisKeys[i], key.ClrType, CultureInfo.InvariantCulture)
            : p.IsForeignKey() ? d.Id
            : p.GetGetter().GetClrValue(d.Diagnosis))).ToList(), ct);
        return patients.Count + encounters.Count + diagnoses.Count;
    }

    /// One entry per patient and per encounter, as AuditRecorder writes for tracked new rows; after InsertAsync (real keys).
    public static IEnumerable<AuditEntry> AuditEntries(IModel model, IReadOnlyList<Patient> patients, AuditActor actor, DateTime at)
    {
        var (patientType, encounterType, _) = Types(model);
        foreach (var p in patients)
        {
            yield return AuditRecorder.NewRowEntry(patientType, p, actor, at);
            foreach (var e in p.Encounters)
                yield return AuditRecorder.NewRowEntry(encounterType, e, actor, at);
        }
    }

    private static (IEntityType Patient, IEntityType Encounter, IEntityType Diagnosis) Types(IModel model)
    {
        var encounter = model.FindEntityType(typeof(Encounter))!;
        return (model.FindEntityType(typeof(Patient))!, encounter, encounter.FindNavigation(nameof(Encounter.SecondaryDiagnoses))!.TargetEntityType);
    }

    private static Func<IProperty, object?> Values(object entity) => p => p.GetGetter().GetClrValue(entity);
}
