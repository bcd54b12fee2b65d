using System.Collections.Concurrent;
using Suifang.Core.Sms;

namespace Suifang.Integrations.Sms;

/// 模拟短信平台 (default): accepts every message at once and gives a delivery receipt on the next poll. Deterministic by
/// number: 2 % of numbers are 空号 (no such number), 2 % 停机 (suspended), 1 % 关机超时 (phone off, no receipt in time);
/// the rest are delivered. Keeps no state that matters: the receipt is computed again from the number.
public sealed class SimulatedSmsProvider : ISmsProvider
{
    private readonly ConcurrentDictionary<long, string> _accepted = new();

    public string Name => "模拟";

    public int Accepted => _accepted.Count;

    public Task<SmsProviderResult> SendAsync(SmsProviderRequest request, CancellationToken ct) =>
        Task.FromResult(SmsProviderResult.Accepted(_accepted.GetOrAdd(request.MessageId, id => $"sim-{id}")));

    public Task<IReadOnlyList<SmsReceipt>> PollReceiptsAsync(IReadOnlyList<SmsSentMessage> sent, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<SmsReceipt>>(sent.Select(s => ReceiptFor(s)).ToList());

    public static string? FailureFor(string phone) => (Bucket(phone)) switch
    {
        < 2 => "空号",
        < 4 => "停机",
        < 5 => "关机或不在服务区，运营商未能送达",
        _ => null,
    };

    private static SmsReceipt ReceiptFor(SmsSentMessage s) => FailureFor(s.Phone) is { } why
        ? new SmsReceipt(s.ProviderMessageId, false, $"{why}（模拟回执）", s.SentAt.AddSeconds(3))
        : new SmsReceipt(s.ProviderMessageId, true, "已送达患者手机（模拟回执）。", s.SentAt.AddSeconds(3));

    /// FNV-1a over the digits: stable across runs and platforms (string.GetHashCode is not).
    private static int Bucket(string phone)
    {
        var h = 2166136261u;
        foreach (var c in phone)
            h = (h ^ c) * 16777619u;
        return (int)(h % 100);
    }
}
