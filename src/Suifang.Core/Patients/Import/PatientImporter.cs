using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Audit;
using Suifang.Core.Data;
using Suifang.Core.Patients.Writing;
using Suifang.Core.Security;

namespace Suifang.Core.Patients.Import;

/// Imports patients and encounters from an xlsx: streams the rows, validates each one the same way as hand
/// entry, and writes valid rows through PatientWriter in batches. Each batch and the job's counts commit in
/// one transaction, so a failure leaves whole batches and a job that says where it stopped.
public sealed class PatientImporter(SuifangDbContext db, SensitiveDataProtector protector, Func<DateTime> now)
{
    public int BatchSize { get; init; } = 1_000;

    public async Task<ImportResult> ImportAsync(Stream xlsx, string fileName, StaffScope scope,
        IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        db.Actor = scope.Actor;
        db.BulkAppend = true;
        var job = new ImportJob { FileName = Path.GetFileName(fileName), UserName = scope.UserName, StartedAt = now(), Status = JobStatus.Running };
        db.ImportJobs.Add(job);
        await db.SaveChangesAsync(ct);

        ImportSheet sheet;
        try
        {
            sheet = ImportSheet.Open(xlsx);
        }
        catch (ImportFileRefusedException e)
        {
            await FinishAsync(job, JobStatus.Failed, e.Message, [], CancellationToken.None);
            return new ImportResult(job, [], Refused: true);
        }

        using var _ = sheet;
        var run = new Run(db, protector, now, job, scope, await HospitalDirectory.LoadAsync(db, scope.HospitalId, ct));
        try
        {
            foreach (var row in sheet.Rows())
            {
                ct.ThrowIfCancellationRequested();
                run.Read(row);
                if (run.Pending.Count >= BatchSize)
                    await run.FlushAsync(ct);
                if (run.RowsRead % 500 == 0)
                    progress?.Report(new ImportProgress(run.RowsRead, sheet.TotalRows));
            }
            await run.FlushAsync(ct);
        }
        catch (Exception e) when (e is not ImportFileRefusedException)
        {
            var message = e is OperationCanceledException
                ? $"导入已取消：读到第 {run.LastRow} 行时停止。之前已提交的 {run.CommittedRows} 行已保存；重新导入同一文件时，已导入的行不会重复。"
                : $"导入在第 {run.LastRow} 行附近中断（{e.Message}）。之前已提交的 {run.CommittedRows} 行已保存，中断的这一批没有写入；修正问题后重新导入同一文件即可，已导入的行不会重复。";
            run.RollBackCounts();
            await FinishAsync(job, JobStatus.Failed, message, run.Rejected, CancellationToken.None);
            progress?.Report(new ImportProgress(run.RowsRead, sheet.TotalRows));
            return new ImportResult(job, run.Rejected);
        }

        job.TotalRows = run.RowsRead;
        db.AuditEvent(AuditActions.Import, nameof(ImportJob), job.Id.ToString(),
            $"Excel 导入“{job.FileName}”：共 {job.TotalRows} 行，新建患者 {job.ImportedPatients} 位、就诊 {job.ImportedEncounters} 次，已存在 {job.DuplicateRows} 行，更新 {job.UpdatedRows} 行，未通过 {job.RejectedRows} 行。");
        await FinishAsync(job, JobStatus.Completed, null, run.Rejected, ct);
        progress?.Report(new ImportProgress(run.RowsRead, run.RowsRead));
        return new ImportResult(job, run.Rejected);
    }

    private async Task FinishAsync(ImportJob job, JobStatus status, string? message, IReadOnlyList<RejectedRow> rejected, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        job.Status = status;
        job.FailureMessage = message;
        job.FinishedAt = now();
        job.RejectedDetails = rejected.Count == 0 ? null : RejectedRowsJson.Serialize(rejected);
        db.ImportJobs.Update(job);
        await db.SaveChangesAsync(ct);
    }

    /// The state of one import while it runs.
    private sealed class Run(SuifangDbContext db, SensitiveDataProtector protector, Func<DateTime> now, ImportJob job, StaffScope scope, HospitalDirectory directory)
    {
        private readonly PatientRecordValidator _validator = new(directory, now);
        private readonly InFileConflicts _conflicts = new();
        private readonly List<RejectedRow> _rejected = [];
        private (int Total, int Patients, int Encounters, int Duplicates, int Updated, int Rejected) _committed;

        public List<(int Row, ValidatedPatient Patient)> Pending { get; } = [];
        public IReadOnlyList<RejectedRow> Rejected => _rejected;
        public int RowsRead { get; private set; }
        public int LastRow { get; private set; } = 1;
        public int CommittedRows => _committed.Total;

        public void Read(SheetRow row)
        {
            RowsRead++;
            LastRow = row.RowNumber;
            if (row.IsEmpty)
                return;
            var errors = new List<FieldError>();
            var record = ImportRowMapper.Map(row, errors);
            var (patient, invalid) = _validator.Validate(record);
            var reasons = errors.Concat(invalid).Select(e => new ImportCellError(ImportColumns.ColumnOf(e.Field), e.Message)).ToList();
            if (patient?.Encounter is { } enc && !scope.CanSeeDepartment(enc.Department.Id))
                reasons.Add(new(ImportColumns.Department, $"科室“{enc.Department.Name}”不在您负责的科室范围内，不能导入该科室的患者；请交由该科室的医护人员或管理员导入。"));
            if (reasons.Count == 0 && patient is not null && _conflicts.Check(row.RowNumber, patient) is { } conflict)
                reasons.Add(conflict);
            if (reasons.Count > 0 || patient is null)
            {
                job.RejectedRows++;
                if (_rejected.Count < RejectedRowsJson.MaxKept)
                    _rejected.Add(new RejectedRow(row.RowNumber, reasons,
                        RejectedRowsJson.ProtectValues(protector, ImportRowMapper.OriginalValues(row))));
                return;
            }
            Pending.Add((row.RowNumber, patient));
        }

        public async Task FlushAsync(CancellationToken ct)
        {
            if (Pending.Count > 0)
            {
                var writer = new PatientWriter(db, protector);
                var outcomes = await writer.StageAsync(Pending.Select(p => p.Patient).ToList(), scope.HospitalId, PatientSource.Excel, now(), ct);
                foreach (var o in outcomes)
                    Count(o);
            }
            job.TotalRows = RowsRead;
            db.ImportJobs.Update(job);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            Pending.Clear();
            _committed = (job.TotalRows, job.ImportedPatients, job.ImportedEncounters, job.DuplicateRows, job.UpdatedRows, job.RejectedRows);
        }

        /// The batch that failed was rolled back: the job must count only what was committed.
        public void RollBackCounts() =>
            (job.TotalRows, job.ImportedPatients, job.ImportedEncounters, job.DuplicateRows, job.UpdatedRows, _) = _committed;

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
}
