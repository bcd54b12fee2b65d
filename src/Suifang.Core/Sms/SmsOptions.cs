using System.ComponentModel.DataAnnotations;

namespace Suifang.Core.Sms;

/// Settings of the outbox (section "Sms"). Provider: Simulated (default, offline), Aliyun or Tencent.
public sealed class SmsOptions
{
    public const string Section = "Sms";

    public string Provider { get; set; } = "Simulated";

    /// Messages handed to the provider per second, across the node (mass sending included).
    [Range(1, 1000)]
    public int MaxPerSecond { get; set; } = 20;

    /// Hand-overs before a message that keeps meeting throttling, timeouts or a refused key is given up.
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 6;

    /// Wait after 流控 (throttling) or an unavailable provider; doubles with each attempt.
    [Range(1, 3600)]
    public int RetrySeconds { get; set; } = 60;

    /// How often the sender looks for queued messages, and how often it asks for receipts.
    [Range(1, 3600)]
    public int SendIntervalSeconds { get; set; } = 2;

    [Range(1, 3600)]
    public int ReceiptIntervalSeconds { get; set; } = 10;

    /// Sent messages without a receipt after this many hours are closed as 回执超时 (still counted as sent).
    [Range(1, 720)]
    public int ReceiptTimeoutHours { get; set; } = 72;

    /// Receipts are asked for (QuerySendDetails, PullSmsSendStatus) only for messages without a receipt this many
    /// minutes after sending: 0 asks at once (no callback configured); with the providers' push configured, e.g. 30
    /// makes the pull a fallback for receipts the push lost.
    [Range(0, 10080)]
    public int ReceiptPullAfterMinutes { get; set; }

    /// Whether the sender also pulls patients' replies from a provider that offers it (Tencent PullSmsReplyStatus), as a
    /// fallback to the reply callback; a reply pulled and pushed is taken once.
    public bool PullReplies { get; set; } = true;

    /// Whether the task engine sends SMS tasks through this outbox (otherwise the simulated stand-in channel).
    public bool TaskChannelEnabled { get; set; } = true;

    /// Per-patient frequency cap by purpose: at most Messages within Days (Notice is never capped).
    public Dictionary<SmsPurpose, SmsFrequencyCap> Caps { get; set; } = new()
    {
        [SmsPurpose.FollowUp] = new() { Messages = 3, Days = 1 },
        [SmsPurpose.QuestionnaireLink] = new() { Messages = 3, Days = 1 },
        [SmsPurpose.Reminder] = new() { Messages = 2, Days = 1 },
        [SmsPurpose.Education] = new() { Messages = 2, Days = 7 },
    };
}

public sealed class SmsFrequencyCap
{
    public int Messages { get; set; }
    public int Days { get; set; } = 1;
}
