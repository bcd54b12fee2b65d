using Suifang.Core.Todos;

namespace Suifang.Core.Alerts;

public enum AlertChannel
{
    /// The banner in a signed-in staff member's open page.
    Screen = 1,
    Sms = 2,
}

public enum AlertDeliveryStatus
{
    Delivered = 1,
    /// Handed to the SMS outbox; waiting for the provider.
    Queued = 2,
    Failed = 3,
    /// Handed to the SMS platform; the platform's receipt (delivered or not) is on the SMS message (SmsMessageId).
    Sent = 4,
}

/// One delivery of a critical alert (7.2.5.1 a): to whom, when, by which channel, and whether it arrived.
public sealed class AlertDelivery
{
    public long Id { get; set; }
    public long TodoId { get; set; }
    public int HospitalId { get; set; }
    public int DepartmentId { get; set; }
    public AlertChannel Channel { get; set; }

    /// The staff member (user id) it went to; null when there was nobody to send it to (no one on duty).
    public string? RecipientUserId { get; set; }
    public DateTime At { get; set; }
    public AlertDeliveryStatus Status { get; set; }

    /// In plain words: "已发送至 138****0001", "科室当前无人值班".
    public string Detail { get; set; } = "";

    /// Sent to the head nurse because nobody acknowledged in time.
    public bool IsEscalation { get; set; }
    public long? SmsMessageId { get; set; }
}

/// 趋势标记: a mark on a patient whose values worsen (7.2.5.1 b), shown in lists and the archive until a doctor clears it.
public sealed class PatientAlertMark
{
    public long Id { get; set; }
    public int HospitalId { get; set; }
    public int DepartmentId { get; set; }
    public long PatientId { get; set; }
    public required string RuleKey { get; set; }
    public required string Comparison { get; set; }
    public long? TodoId { get; set; }
    public DateTime At { get; set; }
    public DateTime? ClearedAt { get; set; }
    public string? ClearedBy { get; set; }
}

/// How far a watcher has read a table by id (the follow-up results read for critical values and trends), so that after
/// a restart it goes on where it stopped.
public sealed class AlertCursor
{
    public required string Name { get; set; }
    public long LastId { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// 规则调整 of one department (7.2.5): mute a rule key (with a reason), or change the urgency of what it raises.
/// Every change is audited. A threshold change is stored for the rules that read it (critical values, trends).
public sealed class AlertRuleTuning
{
    public long Id { get; set; }
    public int HospitalId { get; set; }
    public int DepartmentId { get; set; }

    /// The rule key, or its prefix ending in '*' ("trigger:PCI-D7:*").
    public required string RuleKey { get; set; }
    public bool Muted { get; set; }
    public TodoUrgency? Urgency { get; set; }
    public decimal? Threshold { get; set; }
    public required string Reason { get; set; }
    public required string ChangedBy { get; set; }
    public DateTime ChangedAt { get; set; }

    public bool Matches(string? ruleKey) =>
        ruleKey is not null && (RuleKey.EndsWith('*') ? ruleKey.StartsWith(RuleKey[..^1], StringComparison.Ordinal) : ruleKey == RuleKey);
}
