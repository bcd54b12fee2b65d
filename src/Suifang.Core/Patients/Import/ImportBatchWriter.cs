using Suifang.Core.Data;
using Suifang.Core.Patients.Writing;
using Suifang.Core.Security;

namespace Suifang.Core.Patients.Import;

/// Writes one batch through PatientWriter and, in the same SaveChanges (one transaction with its audit
/// entries), the job's counts; the change tracker is cleared after each batch.
internal sealed class ImportBatchWriter(SuifangDbContext db, SensitiveDataProtector protector, Func<DateTime> now, ImportJob job, int hospitalId)
{
    private (int Total, int Patients, int Encounters, int Duplicates, int Updated, int Rejected) _committed;

    public int CommittedRows => _committed.Total;

    public async Task WriteAsync(ImportBatch batch, CancellationToken ct)
    {
        try
        {
            var outcomes = batch.Rows.Count > 0 ? await new PatientWriter(db, protector).StageAsync(batch.Rows, hospitalId, PatientSource.Excel, now(), ct) : [];
            foreach (var o in outcomes)
                Count(o);
            (job.TotalRows, job.RejectedRows) = (batch.RowsRead, batch.RejectedRows);
            db.ImportJobs.Update(job);
            await db.SaveChangesAsync(ct);
            _committed = (job.TotalRows, job.ImportedPatients, job.ImportedEncounters, job.DuplicateRows, job.UpdatedRows, job.RejectedRows);
            // 5.1.3: plans for the imported encounters, by the plan rules (after the batch is committed).
            await Plans.Automatic.AutoPlanner.OnArrivalAsync(db, outcomes, now(), ct);
        }
        catch
        {
            // The batch was rolled back: the job counts only what was committed.
            (job.TotalRows, job.ImportedPatients, job.ImportedEncounters, job.DuplicateRows, job.UpdatedRows, job.RejectedRows) = _committed;
            throw;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private void Count(RowOutcome o)
    {
        if (o.PatientOutcome == WriteOutcome.Created)
            job.ImportedPatients++;
        if (o.EncounterOutcome == WriteOutcome.Created)
            job.ImportedEncounters++;
        if (o.PatientOutcome == WriteOutcome.Created || o.EncounterOutcome == WriteOutcome.Created)
            return;
        if (o.PatientOutcome == WriteOutcome.Updated || o.EncounterOutcome == WriteOutcome.Updated)
            job.UpdatedRows++;
        else
            job.DuplicateRows++;
    }
}
