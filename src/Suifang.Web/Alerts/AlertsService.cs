using Microsoft.Extensions.Options;
using Suifang.Core.Alerts;

namespace Suifang.Web.Alerts;

/// Runs on every node: the dispatcher (assignment, SMS, escalation) and the result reader (critical values, trends) on
/// one loop, the screen watcher on another so that a slow SMS never delays a banner.
internal sealed class AlertsService(AlertDispatcher dispatcher, ResultAlerts results, CriticalFeed feed, AlertNotifier notifier,
    IOptions<AlertsOptions> options, ILogger<AlertsService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var o = options.Value;
        await Task.WhenAll(
            LoopAsync("alert dispatcher", async ct => { await results.RunOnceAsync(ct); await dispatcher.RunOnceAsync(ct); },
                ct => Task.Delay(o.DispatchIntervalMs, ct), stoppingToken),
            LoopAsync("alert watcher", feed.PollAsync, ct => notifier.WaitAsync(TimeSpan.FromMilliseconds(o.WatchIntervalMs), ct), stoppingToken));
    }

    private async Task LoopAsync(string name, Func<CancellationToken, Task> round, Func<CancellationToken, Task> wait, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await round(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                log.LogError(e, "{Loop} round failed; retrying", name);
            }
            await wait(ct).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
