using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Suifang.Core.Sms;

namespace Suifang.Testing.Sms;

/// Test double of the SMS outbox (the sms branch builds the real one): records every message, answers a repeated effect
/// key with the first result (as the contract requires), and returns the status a test sets.
public sealed partial class RecordingSmsOutbox : ISmsOutbox
{
    private readonly ConcurrentDictionary<string, SmsSendResult> _byKey = new();
    private long _nextId;

    public ConcurrentQueue<SmsSend> Sent { get; } = new();
    public SmsSendStatus Status { get; set; } = SmsSendStatus.Sent;

    public Task<SmsSendResult> SendAsync(SmsSend message, CancellationToken ct)
    {
        var result = _byKey.GetOrAdd(message.EffectKey, _ =>
        {
            Sent.Enqueue(message);
            return new SmsSendResult(Interlocked.Increment(ref _nextId), Status, Status == SmsSendStatus.Sent ? "已发送" : "测试：未发出");
        });
        return Task.FromResult(result);
    }

    /// The questionnaire token in the last message to the patient.
    public string TokenFor(long patientId) =>
        Token().Match(Sent.Last(m => m.PatientId == patientId).Text).Groups[1].Value;

    [GeneratedRegex(@"/q/([a-z0-9]+)")]
    private static partial Regex Token();
}
