namespace Suifang.Core.Sms;

/// 短信: one message to one patient in the outbox, kept with its status history (queued → sent → delivered/failed).
/// The number and the full text are stored encrypted (as on the patient) and masked for the screen; EffectKey is unique
/// per hospital.
public sealed class SmsMessage
{
    public long Id { get; set; }
    public int HospitalId { get; set; }
    public int? DepartmentId { get; set; }
    public long PatientId { get; set; }
    public long? TaskId { get; set; }

    /// Set for a message of a mass sending (群发).
    public long? BatchId { get; set; }

    /// Set when the message went to a staff member (an alert) rather than to the patient.
    public string? RecipientUserId { get; set; }

    public string PhoneCipher { get; set; } = "";
    public string PhoneMasked { get; set; } = "";
    /// The text as staff see it (outbox, patient archive, API): a questionnaire link's token masked (LinkMasking), so
    /// reading the outbox does not open the patient's questionnaire.
    public required string Text { get; set; }

    /// The full text as the provider receives it, encrypted at rest like the number (SensitiveDataProtector.ProtectText).
    public string TextCipher { get; set; } = "";
    public SmsPurpose Purpose { get; set; }
    public string? TemplateCode { get; set; }

    /// The template's variables as JSON (for providers that send a template code and its parameters), encrypted at rest:
    /// they hold the link too.
    public string? ParametersCipher { get; set; }
    public required string EffectKey { get; set; }

    public SmsSendStatus Status { get; set; }

    /// The last status in plain words (why blocked, queued until when, the provider's failure reason).
    public string Detail { get; set; } = "";
    public string? Provider { get; set; }
    public string? ProviderMessageId { get; set; }

    /// Hand-overs to the provider tried so far (a throttled or timed-out try counts).
    public int Attempts { get; set; }

    /// Segments billed (70 characters for one, 67 each when longer).
    public int Segments { get; set; }

    /// A queued message goes out at or after this time (quiet hours, throttling).
    public DateTime? NextAttemptAt { get; set; }

    /// A sender holds the message until then; another sender takes it only after (crash-safe hand-over).
    public DateTime? ClaimedUntil { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? CreatedBy { get; set; }

    public List<SmsStatusChange> History { get; set; } = [];

    public void Move(SmsSendStatus status, string detail, DateTime at)
    {
        Status = status;
        Detail = detail.Length > 256 ? detail[..256] : detail;
        UpdatedAt = at;
        if (status is SmsSendStatus.Delivered or SmsSendStatus.Failed or SmsSendStatus.Blocked)
            FinishedAt = at;
        History.Add(new SmsStatusChange { At = at, Status = status, Detail = Detail });
    }

    public SmsSendResult ToResult() =>
        new(Id, Status, Detail, Status == SmsSendStatus.Queued ? NextAttemptAt : null);
}

/// One step of a message's history.
public sealed class SmsStatusChange
{
    public long Id { get; set; }
    public long MessageId { get; set; }
    public DateTime At { get; set; }
    public SmsSendStatus Status { get; set; }
    public string Detail { get; set; } = "";
}
