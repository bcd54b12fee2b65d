namespace Suifang.Core.Sms;

/// Why a message is sent; quiet hours, the frequency cap and opt-out apply by purpose (8.3.2, 5.2.2).
public enum SmsPurpose
{
    /// A follow-up step carried by SMS (care instructions, "how are you" with a reply).
    FollowUp = 1,
    /// The patient's own questionnaire link (5.1.4).
    QuestionnaireLink = 2,
    /// Review or appointment reminder (复诊提醒): names the time, place and what to do (8.3.2).
    Reminder = 3,
    /// Health education (健康宣教), usually mass sending.
    Education = 4,
    /// A notice the patient must get (e.g. a nurse will call back); not held back by the frequency cap.
    Notice = 5,
    /// 预警通知: an alert to a staff member (the nurse on duty, the head nurse), not to the patient; patient rules (quiet
    /// hours, caps, opt-out) do not apply.
    StaffAlert = 6,
}

/// One message to one patient. The text is final (template variables already filled in); the outbox looks up and
/// decrypts the patient's phone number itself. EffectKey makes sending idempotent: sent twice with the same key (a task
/// resumed after a crash), the first message's result comes back and nothing is sent again.
public sealed record SmsSend(
    int HospitalId,
    long PatientId,
    string Text,
    SmsPurpose Purpose,
    string EffectKey,
    long? TaskId = null,
    string? TemplateCode = null,
    IReadOnlyDictionary<string, string>? Parameters = null,
    long? BatchId = null,
    StaffRecipient? ToStaff = null);

/// A staff member an alert SMS goes to instead of the patient (PatientId then names whom the alert is about).
public sealed record StaffRecipient(string UserId, string PhoneCipher, string PhoneMasked);

public enum SmsSendStatus
{
    /// Stored, not yet handed to the provider (e.g. waiting for quiet hours to end, or rate-limited).
    Queued = 1,
    /// Accepted by the provider; waiting for the delivery receipt.
    Sent = 2,
    /// The delivery receipt said delivered.
    Delivered = 3,
    /// Rejected by the provider or the receipt said not delivered (空号, 停机, rejected template…).
    Failed = 4,
    /// Not sent on purpose: the patient opted out (回复TD退订), has no usable number, or the cap was reached.
    Blocked = 5,
}

/// What happened to a message. RetryAt is set for Queued (when it will go out).
public sealed record SmsSendResult(long MessageId, SmsSendStatus Status, string Detail, DateTime? RetryAt = null);

/// 短信发件箱: stores every message (viewable, with its status history), applies opt-out, quiet hours and the per-patient
/// frequency cap, and sends through the configured provider (embedded simulated outbox, Alibaba Cloud, Tencent Cloud).
/// Thread-safe; registered as a singleton.
public interface ISmsOutbox
{
    Task<SmsSendResult> SendAsync(SmsSend message, CancellationToken ct);
}
