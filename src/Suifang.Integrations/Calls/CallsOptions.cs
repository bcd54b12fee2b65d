namespace Suifang.Integrations.Calls;

/// Settings of the AI call channel (section "Calls").
public sealed class CallsOptions
{
    public const string Section = "Calls";

    /// "Simulated" (the embedded simulated phone network, default) or "None" (AI calls stay on the task engine's
    /// stand-in until a real telephony adapter is configured).
    public string Telephony { get; set; } = "Simulated";

    /// Seed of the simulated network: the same seed gives the same patients' behaviour.
    public int SimulatedSeed { get; set; } = 20261201;

    public int RingTimeoutSeconds { get; set; } = 40;

    /// The hospital's number a patient can call back, left on a voicemail (自动留言) as written, e.g. "0571-87654321";
    /// empty: the message only says the hospital will call again. It is allowed through the speech guard.
    public string? CallBackNumber { get; set; }

    /// ASR-like character errors of the simulated network's patients, per character (0–1; 0: none).
    public double SimulatedAsrErrorRate { get; set; }

    /// Recordings rendered after each simulated call from its transcript (section "Calls:SimulatedRecordings").
    public Recordings.SimulatedRecordingOptions SimulatedRecordings { get; set; } = new();

    /// How long the agent waits for the patient to speak before counting silence.
    public int ListenTimeoutSeconds { get; set; } = 8;

    /// A conversation that has not ended after this many exchanges is closed (a safety net against loops).
    public int MaxExchanges { get; set; } = 60;

    /// 呼入: the hospital an incoming call from an unknown number belongs to (the first hospital when not set).
    public int? InboundHospitalId { get; set; }

    /// 模拟电话网络: percent of the virtual patients who missed a call (no answer) that call the hospital back later (demo).
    public int SimulatedCallBackPercent { get; set; } = 30;

    /// The configured language model ("qwen2.5-7b-instruct @ http://llm.hospital.local/v1"), null when none: filled at start
    /// from Llm:Model and Llm:Endpoint and stamped on every call's record (7.2.5.2 traceability), not set by hand.
    public string? LanguageModel { get; set; }
}
