using Suifang.Agent.Dialogue;

namespace Suifang.Agent.Telephony;

/// <summary>
/// Places outbound calls. The embedded default is a simulated phone network of virtual patients; production uses SIP
/// (baresip on loopback in tests). Implementations are thread-safe: many calls run at once.
/// </summary>
public interface ITelephony
{
    /// <summary>Name shown in the UI, e.g. "模拟电话网络" or "SIP 127.0.0.1:5070".</summary>
    string Name { get; }

    /// <summary>Dials <paramref name="number"/> (plain digits); returns when answered or definitely not reached.</summary>
    Task<DialResult> DialAsync(string number, CallRequest request, CancellationToken ct);
}

/// <summary>What the call is for: the idempotency key of the effect (task attempt), for the recording's name.</summary>
public sealed record CallRequest(string EffectKey, TimeSpan RingTimeout);

/// <summary>Why a call did not reach the patient (kept as the attempt's failure reason).</summary>
public enum NotReachedReason
{
    NoAnswer = 1,
    Busy = 2,
    PoweredOff = 3,
    /// <summary>空号: the number does not exist — no redial.</summary>
    InvalidNumber = 4,
    Rejected = 5,
    NetworkError = 6,
    /// <summary>停机: the line is suspended ("您拨打的电话已停机"); PoweredOff when the carrier does not tell them apart.</summary>
    OutOfService = 7,
}

/// <summary>Either an answered call or the reason it was not answered.</summary>
public sealed record DialResult(IPhoneCall? Call, NotReachedReason? NotReached, string Detail)
{
    public static DialResult Answered(IPhoneCall call) => new(call, null, "已接通");
    public static DialResult Failed(NotReachedReason reason, string detail) => new(null, reason, detail);

    /// <summary>For an unanswered call: the recording of what the carrier played before it ended (early media, e.g.
    /// "您拨打的电话已关机"), kept as evidence of the reason (5.1.7); null when nothing was recorded.</summary>
    public string? RecordingPath { get; init; }
}

/// <summary>An answered call. Say, then listen, turn by turn; dispose hangs up.</summary>
public interface IPhoneCall : IAsyncDisposable
{
    /// <summary>Speaks the agent's turn (TTS happens inside the line; the simulated network passes text).</summary>
    Task SayAsync(AgentTurn turn, CancellationToken ct);

    /// <summary>Waits for the patient's speech (recognised) or key presses, or silence after <paramref name="timeout"/>.</summary>
    Task<PatientInput> ListenAsync(TimeSpan timeout, CancellationToken ct);

    /// <summary>True once the patient hung up.</summary>
    bool HungUp { get; }

    /// <summary>Where the recording of both sides is (a WAV file path), once the call ended; null when not recorded.</summary>
    string? RecordingPath { get; }
}
