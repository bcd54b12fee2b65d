using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Suifang.Core.Audit;
using Suifang.Core.Common;
using Suifang.Core.Data;
using Suifang.Core.Patients.Import;
using Suifang.Core.Patients.Writing;
using Suifang.Core.Security;

namespace Suifang.Core.Patients.HisSync;

/// Pulls patients and encounters from the HIS since the last stored watermark, validates every record
/// like a hand entry, writes the valid ones through PatientWriter, and commits batch by batch together
/// with the run's counts and watermark: a failure keeps what was committed and the next run resumes there.
/// One run at a time per process.
internal sealed class HisSyncService(
    IHisSource source,
    IDbContextFactory<SuifangDbContext> dbFactory,
    SensitiveDataProtector protector,
    HospitalClock clock,
    IOptions<SuifangOptions> options,
    ILogger<HisSyncService> log)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private HisSyncHandle? _running;

    public IHisSource Source => source;

    public Guid? RunningRunId => _running?.RunId;

    /// Runs a whole sync and returns the finished run (completed or failed).
    public async Task<HisSyncRun> SyncAsync(string trigger, AuditActor actor, IProgress<HisSyncProgress>? progress, CancellationToken ct)
    {
        var handle = await BeginAsync(trigger, actor, ct);
        return await RunAsync(handle, progress, ct);
    }

    /// Claims the one run slot and records the run as started. Throws HisSyncBusyException while another runs.
    public async Task<HisSyncHandle> BeginAsync(string trigger, AuditActor actor, CancellationToken ct)
    {
        if (!await _gate.WaitAsync(0, ct))
        {
            var running = _running;
            throw new HisSyncBusyException(running?.RunId ?? Guid.Empty, running?.StartedAt ?? clock.Now);
        }
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var hospital = await db.Hospitals.AsNoTracking().Where(h => h.Code == options.Value.HospitalCode).Select(h => (int?)h.Id).FirstOrDefaultAsync(ct)
                ?? throw new InvalidOperationException($"找不到编码为“{options.Value.HospitalCode}”的医院，请检查 Suifang:HospitalCode 配置。");
            await CloseAbandonedRunsAsync(db, ct);
            var since = await HisSyncRuns.WatermarkAsync(db, source.Key, ct) ?? FirstWatermark();
            var run = new HisSyncRun { Source = source.Key, Trigger = trigger, StartedAt = clock.Now, Status = JobStatus.Running, SinceWatermark = since };
            db.HisSyncRuns.Add(run);
            await db.SaveChangesAsync(ct);
            _running = new HisSyncHandle(run.Id, hospital, since, run.StartedAt, actor);
            return _running;
        }
        catch
        {
            _gate.Release();
            throw;
        }
    }

    /// Runs a begun sync to its end and frees the slot.
    public async Task<HisSyncRun> RunAsync(HisSyncHandle handle, IProgress<HisSyncProgress>? progress, CancellationToken ct)
    {
        var tally = new HisSyncTally(handle.RunId);
        try
        {
            var validator = await ValidatorAsync(handle.HospitalId, ct);
            await foreach (var batch in source.PullSinceAsync(handle.Since, ct).WithCancellation(ct))
            {
                tally = await CommitBatchAsync(handle, batch, validator, tally, ct);
                progress?.Report(tally.Progress());
            }
            if (source is Alerts.ICriticalLabSource labs)
                await Alerts.CriticalLabIntake.PullAsync(labs, dbFactory, handle.HospitalId, handle.Since, clock, log, ct);
            return await FinishAsync(handle, tally, null);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            log.LogWarning(ex, "HIS sync {RunId} failed", handle.RunId);
            return await FinishAsync(handle, tally, FailureMessage(ex, tally.Watermark ?? handle.Since, ct));
        }
        finally
        {
            _running = null;
            _gate.Release();
        }
    }

    private async Task<PatientRecordValidator> ValidatorAsync(int hospitalId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var directory = await HospitalDirectory.LoadAsync(db, hospitalId, ct);
        return new PatientRecordValidator(directory, () => clock.Now);
    }

    private async Task<HisSyncTally> CommitBatchAsync(HisSyncHandle handle, HisBatch batch, PatientRecordValidator validator, HisSyncTally tally, CancellationToken ct)
    {
        var valid = new List<ValidatedPatient>(batch.Items.Count);
        var rejected = batch.Rejected.ToList();
        foreach (var item in batch.Items)
        {
            var (patient, errors) = validator.Validate(item.Record);
            if (patient is not null)
                valid.Add(patient);
            else
                rejected.Add(new HisRejection(item.Resource, string.Join("；", errors.Select(e => e.Message))));
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = handle.Actor;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var outcomes = valid.Count == 0
            ? []
            : await new PatientWriter(db, protector).WriteAsync(valid, handle.HospitalId, PatientSource.His, clock.Now, ct);
        var run = await db.HisSyncRuns.SingleAsync(r => r.Id == handle.RunId, ct);
        var next = tally.With(batch, outcomes, rejected);
        next.CopyTo(run);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return next;
    }

    private async Task<HisSyncRun> FinishAsync(HisSyncHandle handle, HisSyncTally tally, string? failure)
    {
        // The run's end is recorded even when the host is stopping.
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        db.Actor = handle.Actor;
        var run = await db.HisSyncRuns.SingleAsync(r => r.Id == handle.RunId);
        run.FinishedAt = clock.Now;
        run.Status = failure is null ? JobStatus.Completed : JobStatus.Failed;
        run.FailureMessage = failure?[..Math.Min(failure.Length, 1024)];
        run.ReachedWatermark ??= handle.Since;
        db.AuditEvent(AuditActions.Sync, nameof(HisSyncRun), run.Id.ToString(), tally.Summary(failure is null));
        await db.SaveChangesAsync(CancellationToken.None);
        return run;
    }

    /// A run left "running" by a stopped process cannot still be running: this process holds the slot.
    private async Task CloseAbandonedRunsAsync(SuifangDbContext db, CancellationToken ct)
    {
        var abandoned = await db.HisSyncRuns.Where(r => r.Source == source.Key && r.Status == JobStatus.Running).ToListAsync(ct);
        foreach (var r in abandoned)
        {
            r.Status = JobStatus.Failed;
            r.FinishedAt = clock.Now;
            r.FailureMessage = "同步在进行中被中断（服务重启或停止），已保存的数据都保留着，下次同步从中断处继续。";
        }
    }

    /// The first pull ever takes yesterday and today: the patients of the last full day and of the day so far.
    private DateTime FirstWatermark() => clock.Today.AddDays(-1).ToDateTime(TimeOnly.MinValue);

    private static string FailureMessage(Exception ex, DateTime resumeFrom, CancellationToken ct)
    {
        var keep = $"已保留此前同步的数据，将在下次同步时从 {resumeFrom:yyyy-MM-dd HH:mm:ss} 继续。";
        return ex switch
        {
            HisSourceException => $"{ex.Message.TrimEnd('。')}，{keep}",
            OperationCanceledException when ct.IsCancellationRequested => $"同步被取消（服务正在停止），{keep}",
            _ => $"同步时出错：{ex.Message.TrimEnd('。')}。{keep}请把这条信息告诉信息科。",
        };
    }
}

/// A run that holds the slot: what it pulls from and for whom it writes.
internal sealed record HisSyncHandle(Guid RunId, int HospitalId, DateTime Since, DateTime StartedAt, AuditActor Actor);
