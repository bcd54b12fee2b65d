namespace Suifang.Core.Sms;

/// 上行短信 as a provider hands it over (pushed to our callback or pulled): the patient's number as the provider wrote
/// it, the words, when the carrier received them, the signature and extend code the reply went to, and the provider's
/// own key for the reply when it has one (Aliyun's sequence_id).
public sealed record SmsInboundReply(string Provider, string Phone, string Text, DateTime At, string? SignName = null,
    string? ExtendCode = null, string? ProviderKey = null);

/// A provider that can be asked for the replies it holds (Tencent PullSmsReplyStatus), as a fallback to the callback.
public interface ISmsReplyPuller
{
    Task<IReadOnlyList<SmsInboundReply>> PullRepliesAsync(CancellationToken ct);
}

/// What a reply says, as far as the inbox needs to know.
public enum SmsReplyKind
{
    /// Nothing the inbox acts on by itself ("好的", "收到", "谢谢"): staff read it.
    Other = 0,
    /// "TD" / "退订": the SMS opt-out.
    OptOut = 1,
    /// The patient asks to talk with someone ("请给我回电话", "找医生"): a to-do to call back.
    WantsToTalk = 2,
    /// The patient complains of a symptom ("伤口疼", "发烧了"): a to-do to call and ask.
    Symptom = 3,
}
