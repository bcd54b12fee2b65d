using System.Collections.Concurrent;
using Suifang.Agent.Telephony;

namespace Suifang.Integrations.Telephony.Simulated;

/// 模拟电话网络: the embedded telephony for the demo, the tests and load. Every number belongs to a virtual patient whose
/// persona and replies follow from the seed and the number alone; whether a call is answered follows from the seed, the
/// number and the call's effect key. The line records nothing (RecordingPath is null): a recording is rendered after the
/// call from its transcript (SimulatedRecordings), off the call's path.
public sealed partial class SimulatedTelephony(int seed, PersonaMix? mix = null, SimulatedPacing? pacing = null) : IInboundTelephony
{
    private readonly PersonaMix _mix = mix ?? PersonaMix.Default;
    private readonly ConcurrentDictionary<string, Persona> _assigned = new();
    private readonly ConcurrentDictionary<string, NotReachedReason> _unreachable = new();
    private int _dialled;

    public string Name => "模拟电话网络";

    public SimulatedPacing Pacing { get; } = pacing ?? SimulatedPacing.Instant;

    /// How many times a number was dialled (tests check that a replay never dials).
    public int Dialled => Volatile.Read(ref _dialled);

    /// Gives a number a persona of the test's choosing.
    public void Assign(string number, Persona persona) => _assigned[number] = persona;

    /// Makes a number unreachable for every call (busy, no answer, powered off).
    public void Unreachable(string number, NotReachedReason reason) => _unreachable[number] = reason;

    public Persona PersonaOf(string number)
    {
        if (_assigned.TryGetValue(number, out var p))
            return p;
        var total = _mix.Weights.Values.Sum();
        var pick = (int)(SeededRandom.Hash(seed, number) % (ulong)Math.Max(1, total));
        foreach (var (persona, weight) in _mix.Weights.OrderBy(w => w.Key))
        {
            if (pick < weight)
                return persona;
            pick -= weight;
        }
        return Persona.Cooperative;
    }

    public async Task<DialResult> DialAsync(string number, CallRequest request, CancellationToken ct)
    {
        Interlocked.Increment(ref _dialled);
        var random = SeededRandom.For(seed, number, request.EffectKey);
        await Pacing.RingAsync(random, ct);
        var persona = PersonaOf(number);
        if (Never(persona) is { } never)
            return never;
        if (_unreachable.TryGetValue(number, out var forced))
            return DialResult.Failed(forced, "模拟：未接通");
        var roll = random.Next(100);
        if (roll < _mix.NoAnswerPercent)
        {
            Missed(number, random); // may call back (呼入)
            return DialResult.Failed(NotReachedReason.NoAnswer, "模拟：无人接听");
        }
        if (roll < _mix.NoAnswerPercent + _mix.BusyPercent)
            return DialResult.Failed(NotReachedReason.Busy, "模拟：占线");
        if (roll < _mix.NoAnswerPercent + _mix.BusyPercent + _mix.PoweredOffPercent)
            return DialResult.Failed(NotReachedReason.PoweredOff, "模拟：您拨打的电话已关机");
        var noise = _mix.AsrErrorRate > 0 ? SeededRandom.For(seed, number, request.EffectKey, "asr") : null;
        return DialResult.Answered(new SimulatedPhoneCall(new VirtualPatient(persona, random), Pacing, random, _mix.AsrErrorRate, noise));
    }

    /// The personas whose number is never reached, with what the carrier says (5.3.6).
    private static DialResult? Never(Persona persona) => persona switch
    {
        Persona.InvalidNumber => DialResult.Failed(NotReachedReason.InvalidNumber, "模拟：您拨打的号码是空号"),
        Persona.PoweredOff => DialResult.Failed(NotReachedReason.PoweredOff, "模拟：您拨打的电话已关机"),
        Persona.OutOfService => DialResult.Failed(NotReachedReason.OutOfService, "模拟：您拨打的电话已停机"),
        Persona.NoAnswer => DialResult.Failed(NotReachedReason.NoAnswer, "模拟：无人接听"),
        Persona.Busy => DialResult.Failed(NotReachedReason.Busy, "模拟：您拨打的电话正在通话中"),
        _ => null,
    };
}

/// How long the simulated network takes, so that calls overlap like real ones under load; instant by default.
public sealed record SimulatedPacing(int RingMilliseconds = 0, int MillisecondsPerCharacter = 0, int ThinkMilliseconds = 0)
{
    public static SimulatedPacing Instant { get; } = new();

    public Task RingAsync(Random random, CancellationToken ct) => Wait(RingMilliseconds == 0 ? 0 : RingMilliseconds / 2 + random.Next(RingMilliseconds), ct);

    public Task SpeakAsync(string text, CancellationToken ct) => Wait(text.Length * MillisecondsPerCharacter, ct);

    public Task ThinkAsync(Random random, CancellationToken ct) => Wait(ThinkMilliseconds == 0 ? 0 : ThinkMilliseconds / 2 + random.Next(ThinkMilliseconds), ct);

    private static Task Wait(int ms, CancellationToken ct) => ms <= 0 ? Task.CompletedTask : Task.Delay(ms, ct);
}

/// Randomness that depends on the seed and the given words only (string.GetHashCode differs between runs).
internal static class SeededRandom
{
    public static ulong Hash(int seed, params string[] parts)
    {
        var h = 14695981039346656037UL ^ (ulong)(uint)seed;
        foreach (var part in parts)
        {
            foreach (var ch in part)
                h = (h ^ ch) * 1099511628211UL;
            h = (h ^ 0xFF) * 1099511628211UL;
        }
        return h;
    }

    public static Random For(int seed, params string[] parts) => new((int)(Hash(seed, parts) & 0x7FFFFFFF));
}
