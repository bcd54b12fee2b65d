namespace Suifang.Core.Sms;

/// A message as a provider receives it: the plain number (decrypted only for the hand-over), the final text, and the
/// template code with its variables in the template's order for providers that send templates (Aliyun, Tencent).
public sealed record SmsProviderRequest(
    long MessageId,
    string Phone,
    string Text,
    string? TemplateCode,
    IReadOnlyList<KeyValuePair<string, string>> Parameters);

public enum SmsProviderOutcome
{
    /// The provider took the message; a delivery receipt follows.
    Accepted = 1,
    /// 流控: too many messages for now; try again later.
    Throttled = 2,
    /// The provider refused this message for good (template not approved, invalid number, blacklisted).
    Rejected = 3,
    /// The provider cannot be used right now (keys wrong, balance used up, timeout, unreachable): try again later.
    Unavailable = 4,
}

/// What the provider said to one hand-over. Reason is Chinese, for the nurse; Code is the provider's own.
public sealed record SmsProviderResult(SmsProviderOutcome Outcome, string Reason, string? ProviderMessageId = null, string? Code = null)
{
    public static SmsProviderResult Accepted(string providerMessageId) => new(SmsProviderOutcome.Accepted, "已提交短信平台", providerMessageId);
}

/// A sent message whose delivery receipt is awaited.
public sealed record SmsSentMessage(long MessageId, string Phone, DateTime SentAt, string ProviderMessageId);

/// 回执: delivered or not, with the carrier's reason when not.
public sealed record SmsReceipt(string ProviderMessageId, bool Delivered, string Reason, DateTime? At = null);

/// 短信平台: the simulated outbox, Alibaba Cloud SMS or Tencent Cloud SMS (Integrations/Sms).
public interface ISmsProvider
{
    /// Short name shown on screen and stored with each message ("模拟", "阿里云", "腾讯云").
    string Name { get; }

    Task<SmsProviderResult> SendAsync(SmsProviderRequest request, CancellationToken ct);

    /// Receipts known now for some of the given messages (a provider may also return receipts of others it knows).
    Task<IReadOnlyList<SmsReceipt>> PollReceiptsAsync(IReadOnlyList<SmsSentMessage> sent, CancellationToken ct);
}
