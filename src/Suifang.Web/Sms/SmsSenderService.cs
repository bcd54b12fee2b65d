using Microsoft.Extensions.Options;
using Suifang.Core.Sms;

namespace Suifang.Web.Sms;

/// 短信发送服务: sends due queued messages (rate-limited) and asks the provider for receipts, on every node.
internal sealed class SmsSenderService(SmsSender sender, IOptions<SmsOptions> options, ILogger<SmsSenderService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var o = options.Value;
        var lastPoll = DateTime.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var sent = await sender.SendDueAsync(stoppingToken);
                if (DateTime.UtcNow - lastPoll >= TimeSpan.FromSeconds(o.ReceiptIntervalSeconds))
                {
                    await sender.PollReceiptsAsync(stoppingToken);
                    await sender.PollRepliesAsync(stoppingToken);
                    lastPoll = DateTime.UtcNow;
                }
                if (sent >= SmsSender.BatchSize)
                    continue;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                log.LogError(e, "SMS sender round failed; retrying");
            }
            await Task.Delay(TimeSpan.FromSeconds(o.SendIntervalSeconds), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}

/// Runs mass sendings in the background so that the page shows progress while the messages are admitted.
internal sealed class SmsMassSender(ISmsOutbox outbox, ILogger<SmsMassSender> log)
{
    public void Start(SmsBatch batch, List<(long Id, string Name)> recipients, IReadOnlyDictionary<string, string> values, string? providerCode) =>
        _ = Task.Run(async () =>
        {
            try
            {
                await SmsMassSend.EnqueueAsync(outbox, batch, recipients, values, providerCode, CancellationToken.None);
            }
            catch (Exception e)
            {
                log.LogError(e, "Mass sending {Batch} stopped", batch.Id);
            }
        });
}
