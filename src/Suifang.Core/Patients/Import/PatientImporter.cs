using System.Threading.Channels;
using Suifang.Core.Accounts;
using Suifang.Core.Audit;
using Suifang.Core.Data;
using Suifang.Core.Patients.Writing;
using Suifang.Core.Security;

namespace Suifang.Core.Patients.Import;

/// Imports patients and encounters from an xlsx: streams the rows, validates each one the same way as hand
/// entry, and writes valid rows through PatientWriter in batches. Each batch and the job's counts commit in
/// one transaction, so a failure leaves whole batches and a job that says where it stopped.
/// Reading and checking run on one thread while the previous batch is written on another (two batches
/// in flight at most, so memory stays flat).
public sealed class PatientImporter(SuifangDbContext db, SensitiveDataProtector protector, Func<DateTime> now)
{
    public int BatchSize { get; init; } = 1_000;

    public async Task<ImportResult> ImportAsync(Stream xlsx, string fileName, StaffScope scope,
        IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        db.Actor = scope.Actor;
        db.BulkAppend = true;
        await using var session = await SqliteBulkSession.BeginAsync(db, ct);
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
        var checker = new ImportRowChecker(await HospitalDirectory.LoadAsync(db, scope.HospitalId, ct), now, scope, protector);
        var writer = new ImportBatchWriter(db, protector, now, job, scope.HospitalId);
        var batches = Channel.CreateBounded<ImportBatch>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reading = Task.Run(() => ReadAsync(sheet, checker, batches.Writer, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(ct))
            {
                await writer.WriteAsync(batch, ct);
                progress?.Report(new ImportProgress(batch.RowsRead, sheet.TotalRows));
            }
            await reading;
        }
        catch (Exception e)
        {
            await stop.CancelAsync();
            await reading.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            var cause = e is ChannelClosedException { InnerException: { } inner } ? inner : e;
            var message = cause is OperationCanceledException
                ? $"导入已取消：读到第 {checker.LastRow} 行时停止。之前已提交的 {writer.CommittedRows} 行已保存；重新导入同一文件时，已导入的行不会重复。"
                : $"导入在第 {checker.LastRow} 行附近中断（{cause.Message}）。之前已提交的 {writer.CommittedRows} 行已保存，中断的这一批没有写入；修正问题后重新导入同一文件即可，已导入的行不会重复。";
            await FinishAsync(job, JobStatus.Failed, message, checker.Rejected, CancellationToken.None);
            return new ImportResult(job, checker.Rejected);
        }

        db.AuditEvent(AuditActions.Import, nameof(ImportJob), job.Id.ToString(),
            $"Excel 导入“{job.FileName}”：共 {job.TotalRows} 行，新建患者 {job.ImportedPatients} 位、就诊 {job.ImportedEncounters} 次，已存在 {job.DuplicateRows} 行，更新 {job.UpdatedRows} 行，未通过 {job.RejectedRows} 行。");
        await FinishAsync(job, JobStatus.Completed, null, checker.Rejected, ct);
        return new ImportResult(job, checker.Rejected);
    }

    private async Task ReadAsync(ImportSheet sheet, ImportRowChecker checker, ChannelWriter<ImportBatch> output, CancellationToken ct)
    {
        try
        {
            var pending = new List<ValidatedPatient>(BatchSize);
            foreach (var row in sheet.Rows())
            {
                ct.ThrowIfCancellationRequested();
                if (checker.Check(row) is { } valid)
                    pending.Add(valid);
                if (pending.Count < BatchSize)
                    continue;
                await output.WriteAsync(checker.Batch(pending), ct);
                pending = new List<ValidatedPatient>(BatchSize);
            }
            await output.WriteAsync(checker.Batch(pending), ct);
            output.Complete();
        }
        catch (Exception e)
        {
            output.Complete(e);
        }
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
}
