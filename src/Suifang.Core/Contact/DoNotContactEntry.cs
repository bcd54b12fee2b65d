namespace Suifang.Core.Contact;

/// 免打扰名单: one patient, or one phone number (kept only as the keyed search index and its masked form), that no
/// channel contacts. Removal keeps the row (RemovedAt) so that the list's history stays readable.
public sealed class DoNotContactEntry
{
    public long Id { get; set; }
    public int HospitalId { get; set; }

    /// Set for an entry by patient.
    public long? PatientId { get; set; }

    /// Set for an entry by number: SensitiveDataProtector.IndexOf(Phone, number); matches Patient.PhoneIndex.
    public string? PhoneIndex { get; set; }
    public string? PhoneMasked { get; set; }

    /// All channels, or SMS only (the patient replied "TD"/"退订" to a message: no SMS, no questionnaire link by SMS).
    public DoNotContactScope Scope { get; set; }

    public required string Reason { get; set; }
    public DateTime AddedAt { get; set; }
    public required string AddedBy { get; set; }
    public DateTime? RemovedAt { get; set; }
    public string? RemovedBy { get; set; }
    public string? RemovedReason { get; set; }

    public bool IsActive => RemovedAt is null;
}

public enum DoNotContactScope
{
    /// 全部渠道: no call, SMS or questionnaire.
    All = 0,
    /// 仅短信: SMS opt-out (短信退订); calls still allowed.
    Sms = 1,
}

public enum ConsentDecision
{
    Given = 1,
    Withdrawn = 2,
}

public enum ConsentMethod
{
    /// 电话: said on the phone (the recording or the nurse's note is the evidence).
    Phone = 1,
    /// 纸质: a signed form.
    Paper = 2,
    /// 线上: in the patient's page or app.
    InApp = 3,
}

/// 随访知情同意: one recorded decision of a patient; the newest one counts. Nothing recorded = not asked yet.
public sealed class FollowUpConsent
{
    public long Id { get; set; }
    public int HospitalId { get; set; }
    public long PatientId { get; set; }
    public ConsentDecision Decision { get; set; }
    public ConsentMethod Method { get; set; }

    /// When the patient gave or withdrew consent (may be earlier than when it was entered).
    public DateTime DecidedAt { get; set; }
    public DateTime RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
    public string? RecordedById { get; set; }
    public string? Note { get; set; }
}
