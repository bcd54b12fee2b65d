using Suifang.Core.Audit;
using Suifang.Core.Patients.HisSync;

namespace Suifang.Web.His;

/// Runs HIS syncs in the background of the host, so a run started from the page goes on when the page is left,
/// and tells the pages how the running sync is getting on.
internal sealed class HisSyncRunner(HisSyncService service, IHostApplicationLifetime lifetime, ILogger<HisSyncRunner> log)
{
    private HisSyncProgress? _progress;

    public IHisSource Source => service.Source;

    /// The running sync's progress; null when none runs.
    public HisSyncProgress? Progress => _progress;

    /// Raised (on a background thread) when a sync starts, advances or ends.
    public event Action? Changed;

    /// Starts a sync and returns at once with its run id. Throws HisSyncBusyException while one runs.
    public async Task<Guid> StartAsync(string trigger, AuditActor actor)
    {
        var handle = await service.BeginAsync(trigger, actor, lifetime.ApplicationStopping);
        Report(new HisSyncProgress(handle.RunId, 0, 0, null, 0, 0, 0, handle.Since));
        _ = Task.Run(async () =>
        {
            try
            {
                await RunAsync(handle, lifetime.ApplicationStopping);
            }
            catch (Exception ex)
            {
                log.LogError(ex, "HIS sync {RunId} could not record its end", handle.RunId);
            }
        });
        return handle.RunId;
    }

    /// Runs a sync to its end (for the scheduled job). Throws HisSyncBusyException while one runs.
    public async Task<HisSyncRun> RunAsync(string trigger, AuditActor actor, CancellationToken ct)
    {
        var handle = await service.BeginAsync(trigger, actor, ct);
        Report(new HisSyncProgress(handle.RunId, 0, 0, null, 0, 0, 0, handle.Since));
        return await RunAsync(handle, ct);
    }

    private async Task<HisSyncRun> RunAsync(HisSyncHandle handle, CancellationToken ct)
    {
        try
        {
            return await service.RunAsync(handle, new Reporter(this), ct);
        }
        finally
        {
            if (_progress?.RunId == handle.RunId)
                Report(null);
        }
    }

    private void Report(HisSyncProgress? progress)
    {
        _progress = progress;
        Changed?.Invoke();
    }

    /// Reports on the sync's own thread, in order (Progress<T> would post them to the thread pool).
    private sealed class Reporter(HisSyncRunner runner) : IProgress<HisSyncProgress>
    {
        public void Report(HisSyncProgress value) => runner.Report(value);
    }
}
