using System.Collections.Concurrent;
using Suifang.Agent.Telephony;

namespace Suifang.Integrations.Telephony.Simulated;

/// The inbound side of the simulated network (呼入): a virtual patient who missed a call may call the hospital back
/// later — CallBackPercent of them, after CallBackDelay — and a test or the demo can make any number call in
/// (CallInAsync). The caller talks as its persona, as on an outbound call.
public sealed partial class SimulatedTelephony
{
    private readonly ConcurrentDictionary<string, DateTime> _callBacks = new();
    private Func<IncomingCall, CancellationToken, Task>? _inbound;
    private int _incoming;

    /// Percent of the numbers that missed a call (no answer) that call back; 0 by default (tests choose).
    public int CallBackPercent { get; set; }

    /// How long after the missed call a virtual patient calls back (the wall clock of the network; demo only).
    public TimeSpan CallBackDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// Numbers that missed a call and will call back, with when.
    public IReadOnlyDictionary<string, DateTime> PendingCallBacks => _callBacks;

    /// How many incoming calls were answered.
    public int Incoming => Volatile.Read(ref _incoming);

    public void Answer(Func<IncomingCall, CancellationToken, Task> handler) => _inbound = handler;

    /// Makes <paramref name="number"/> call the hospital; returns when the call ended, false when no handler answers.
    public async Task<bool> CallInAsync(string number, CancellationToken ct)
    {
        if (_inbound is not { } handler)
            return false;
        var count = Interlocked.Increment(ref _incoming);
        var random = SeededRandom.For(seed, number, "inbound", count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await using var call = new SimulatedPhoneCall(new VirtualPatient(PersonaOf(number), random), Pacing, random);
        await handler(new IncomingCall(number, call, Name), ct);
        _callBacks.TryRemove(number, out _);
        return true;
    }

    /// The virtual patients whose call-back is due by <paramref name="utcNow"/> call in, one after another; returns how many.
    public async Task<int> CallBackDueAsync(DateTime utcNow, CancellationToken ct)
    {
        var due = _callBacks.Where(c => c.Value <= utcNow).Select(c => c.Key).ToList();
        var called = 0;
        foreach (var number in due)
        {
            if (_callBacks.TryRemove(number, out _) && await CallInAsync(number, ct))
                called++;
        }
        return called;
    }

    private void Missed(string number, Random random)
    {
        if (CallBackPercent > 0 && random.Next(100) < CallBackPercent)
            _callBacks.TryAdd(number, DateTime.UtcNow + CallBackDelay);
    }
}
