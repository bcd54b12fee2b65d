namespace Suifang.Integrations.Telephony;

internal enum TelephonyProvider
{
    /// The embedded simulated phone network of virtual patients (the default).
    Simulated,
    /// Real calls through baresip lines to the hospital's SIP trunk.
    Sip,
}

/// Telephony settings (configuration section "Telephony").
internal sealed class TelephonyOptions
{
    public const string Section = "Telephony";

    public TelephonyProvider Provider { get; set; } = TelephonyProvider.Simulated;

    public SipOptions Sip { get; set; } = new();
}

/// The SIP lines (section "Telephony:Sip"). Each line is one baresip process with SIP port LocalSipPort + 4 × line
/// (baresip also binds TLS on the next port), control port SIP port + 2, and an equal share of the RTP port range.
internal sealed class SipOptions
{
    public string BaresipPath { get; set; } = "/usr/bin/baresip";

    public string ModulePath { get; set; } = "/usr/lib/baresip/modules";

    /// The address the lines bind to and announce in SDP (the server's address towards the trunk).
    public string ListenAddress { get; set; } = "127.0.0.1";

    public int LocalSipPort { get; set; } = 5060;

    /// Calls that can run at once (one baresip process each).
    public int Lines { get; set; } = 1;

    public int RtpPortMin { get; set; } = 10000;

    public int RtpPortMax { get; set; } = 10999;

    /// Where calls go: the trunk's SIP URI, e.g. sip:10.1.2.3:5060; a call to 13800000000 dials sip:13800000000@10.1.2.3:5060.
    public string TrunkUri { get; set; } = "";

    /// Optional registrar, e.g. sip:ims.example.cn; when set, every line registers as UserName with Password.
    public string? RegistrarUri { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// The number shown to patients (the SIP From user), e.g. the hospital's follow-up number 02512345678.
    public string CallerId { get; set; } = "suifang";

    /// Where the recordings of both sides of every call are kept (standard 5.1.7), one stereo WAV per call.
    public string RecordingsFolder { get; set; } = "recordings";

    /// Where each line's baresip configuration and its working files go.
    public string WorkFolder { get; set; } = "sip-lines";

    /// How long to let a number ring when the caller does not say (CallRequest.RingTimeout wins when set).
    public int RingTimeoutSeconds { get; set; } = 45;

    /// Quiet that ends the patient's utterance (0.5–0.8 s usual; more for elderly patients).
    public int EndOfSpeechMilliseconds { get; set; } = 700;

    /// Speech this long during a prompt interrupts it (barge-in) and becomes the answer; 0 turns barge-in off (e.g. on
    /// a line with strong echo). About 0.5 s, so fillers and backchannels ("嗯", "好") do not interrupt.
    public int BargeInMilliseconds { get; set; } = 500;

    /// After a key press, how long to wait for further keys of a multi-key answer ("10", "385#"); 0 answers at the first
    /// key (one-key menus, fastest). "#" always ends the answer.
    public int DtmfDigitGapMilliseconds { get; set; }

    /// The longest utterance taken in one turn.
    public int MaxUtteranceSeconds { get; set; } = 30;
}
