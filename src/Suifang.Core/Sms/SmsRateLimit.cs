using System.Threading.RateLimiting;

namespace Suifang.Core.Sms;

/// 发送速率: at most MaxPerSecond hand-overs a second on this node, shared by single messages and mass sending.
public sealed class SmsRateLimit : IDisposable
{
    private readonly TokenBucketRateLimiter _bucket;

    public SmsRateLimit(int perSecond) =>
        _bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = perSecond, TokensPerPeriod = perSecond, ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = int.MaxValue, QueueProcessingOrder = QueueProcessingOrder.OldestFirst, AutoReplenishment = true,
        });

    public bool TryTake()
    {
        using var lease = _bucket.AttemptAcquire();
        return lease.IsAcquired;
    }

    public async Task WaitAsync(CancellationToken ct)
    {
        using var lease = await _bucket.AcquireAsync(1, ct);
    }

    public void Dispose() => _bucket.Dispose();
}
