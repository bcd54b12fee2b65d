using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Suifang.Core.Tasks.Engine;

/// The dispatcher's loop without a host: per queue, as many tasks as there are free lines are leased under the queue's
/// policy, started, run on their channels in parallel and finished in batches. RunRoundAsync does one round and waits
/// for it (tests, benchmarks); RunAsync is the host's continuous pipeline.
public sealed class TaskDispatcher(TaskEngine engine, ILogger? log = null)
{
    private readonly ILogger _log = log ?? NullLogger.Instance;

    public TaskEngine Engine => engine;

    public async Task MaintainAsync(CancellationToken ct)
    {
        await using var db = engine.NewContext();
        await TaskMaintenance.RunAsync(db, engine.Now(), ct);
    }

    /// One round over every unpaused queue; returns how many executions ran.
    public async Task<int> RunRoundAsync(CancellationToken ct)
    {
        var ran = 0;
        foreach (var queue in await LoadSettingsAsync(ct))
        {
            var executions = await LeaseAndStartAsync(queue, ct);
            var outcomes = await Task.WhenAll(executions.Select(e => engine.RunAsync(e, ct)));
            await engine.FinishAsync(executions.Zip(outcomes).ToList(), ct);
            ran += executions.Count;
        }
        return ran;
    }

    /// Rounds until maintenance followed by a round finds nothing to do (or maxRounds). Maintenance runs first and again
    /// whenever a round comes up empty, not between busy rounds: at one moment it has nothing new to promote (a task
    /// that goes again later waits in Pending), and the lease returns expired leases itself.
    public async Task<int> DrainAsync(CancellationToken ct, int maxRounds = 10_000)
    {
        var total = 0;
        var maintain = true;
        for (var i = 0; i < maxRounds; i++)
        {
            if (maintain)
                await MaintainAsync(ct);
            var ran = await RunRoundAsync(ct);
            total += ran;
            if (ran == 0 && maintain)
                break;
            maintain = ran == 0;
        }
        return total;
    }

    public async Task RunAsync(CancellationToken stopping)
    {
        var finished = Channel.CreateUnbounded<(TaskExecution, TaskOutcome)>();
        var wake = new SemaphoreSlim(0);
        var inflight = new HashSet<Task>();
        var finisher = FinishLoopAsync(finished.Reader, wake);
        var lastMaintenance = DateTime.MinValue;
        while (!stopping.IsCancellationRequested)
        {
            var started = 0;
            try
            {
                if ((DateTime.UtcNow - lastMaintenance).TotalSeconds >= engine.Options.MaintenanceSeconds)
                {
                    await MaintainAsync(stopping);
                    lastMaintenance = DateTime.UtcNow;
                }
                foreach (var queue in await LoadSettingsAsync(stopping))
                {
                    foreach (var execution in await LeaseAndStartAsync(queue, stopping))
                    {
                        started++;
                        // The effect is not cut short by the host stopping: it finishes and is recorded.
                        var run = Task.Run(async () => await finished.Writer.WriteAsync((execution, await engine.RunAsync(execution, CancellationToken.None))), CancellationToken.None);
                        lock (inflight) inflight.Add(run);
                        _ = run.ContinueWith(t => { lock (inflight) inflight.Remove(t); }, TaskScheduler.Default);
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _log.LogError(ex, "Dispatch round failed; retrying");
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            if (started == 0)
                await Wait(wake, engine.Options.PollMilliseconds, stopping);
        }
        Task[] left;
        lock (inflight) left = [.. inflight];
        await Task.WhenAll(left);
        finished.Writer.Complete();
        await finisher;
    }

    private async Task FinishLoopAsync(ChannelReader<(TaskExecution, TaskOutcome)> reader, SemaphoreSlim wake)
    {
        var batch = new List<(TaskExecution, TaskOutcome)>();
        while (await reader.WaitToReadAsync())
        {
            while (batch.Count < 500 && reader.TryRead(out var item))
                batch.Add(item);
            try
            {
                await engine.FinishAsync(batch, CancellationToken.None);
            }
            catch (Exception ex)
            {
                // Not lost: the attempts stay open and the leases expire; the tasks are resumed with the same keys.
                _log.LogError(ex, "Finishing {Count} tasks failed; they will be resumed after their leases expire", batch.Count);
            }
            batch.Clear();
            wake.Release();
        }
    }

    private static async Task Wait(SemaphoreSlim wake, int milliseconds, CancellationToken ct)
    {
        try { await wake.WaitAsync(milliseconds, ct); }
        catch (OperationCanceledException) { }
    }

    private async Task<List<TaskQueueSetting>> LoadSettingsAsync(CancellationToken ct)
    {
        await using var db = engine.NewContext();
        return (await QueueSettings.LoadAsync(db, ct)).Where(q => !q.Paused && q.PoolSize > 0).ToList();
    }

    private async Task<List<TaskExecution>> LeaseAndStartAsync(TaskQueueSetting queue, CancellationToken ct)
    {
        int busy;
        await using (var db = engine.NewContext())
            busy = (await TaskLeaser.BusyLinesAsync(db, queue.Queue, engine.Now(), ct)).Values.Sum();
        var free = Math.Min(queue.PoolSize - busy, engine.Options.BatchSize);
        if (free <= 0)
            return [];
        var ids = await engine.LeaseAsync(queue, free, ct);
        return await engine.StartAsync(ids, ct);
    }
}
