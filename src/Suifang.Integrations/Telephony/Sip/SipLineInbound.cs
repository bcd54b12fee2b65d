using System.Threading.Channels;
using Suifang.Agent.Telephony;

namespace Suifang.Integrations.Telephony.Sip;

/// The inbound side of a line (呼入): baresip rings with CALL_INCOMING (the account does not auto-answer); a free line
/// sends "accept" and hands the established call on. A line busy with another call lets the new one ring (the carrier
/// or PBX hunts to another line, or the caller hears ringing until they give up); the other call's events are kept out
/// of the current call by its call id.
internal sealed partial class SipLine
{
    private readonly Lock reservation = new();
    private bool busy;
    private bool parked;
    private string? currentCallId;

    /// Raised on the control connection's reading thread for CALL_INCOMING; handlers must return quickly.
    public Action<SipLine, BaresipEvent>? Incoming { get; set; }

    /// Takes the line for an incoming call; false while a call holds it.
    public bool TryReserve()
    {
        lock (reservation)
        {
            if (busy)
                return false;
            busy = true;
            return true;
        }
    }

    /// Takes the line for a dial (read from the free pool); when an incoming call holds it, the line leaves the pool
    /// until that call ends.
    public bool TryReserveFromPool()
    {
        lock (reservation)
        {
            if (busy)
            {
                parked = true;
                return false;
            }
            busy = true;
            return true;
        }
    }

    /// Frees the line; true when it must go back to the free pool (it came from there, or a dial parked it).
    public bool Free(bool fromPool)
    {
        lock (reservation)
        {
            busy = false;
            var back = fromPool || parked;
            parked = false;
            return back;
        }
    }

    private void Route(BaresipEvent e)
    {
        if (e.Type == "CALL_INCOMING" && e.CallId != currentCallId)
        {
            Incoming?.Invoke(this, e);
            return;
        }
        if (e.CallId is { } id)
        {
            currentCallId ??= currentCall is null ? null : id;
            if (currentCallId != id)
                return; // another call ringing on this line
        }
        currentCall?.Writer.TryWrite(e);
    }

    /// Answers the ringing incoming call; the answered call owns the line until disposed (then release runs), or null
    /// when the caller hung up first.
    public async Task<SipPhoneCall?> AcceptAsync(BaresipEvent incoming, Action release, CancellationToken ct)
    {
        await StartAsync(ct);
        CallRecording.Clear(DumpFolder);
        var events = Channel.CreateUnbounded<BaresipEvent>();
        currentCallId = incoming.CallId;
        currentCall = events;
        try
        {
            await Control.SendAsync("accept", null, ct);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
            wait.CancelAfter(TimeSpan.FromSeconds(10));
            while (true)
            {
                var e = await events.Reader.ReadAsync(wait.Token);
                if (e.Type == "CALL_ESTABLISHED")
                    return new SipPhoneCall(this, events.Reader, "inbound-" + (incoming.CallId ?? Guid.NewGuid().ToString("N")), release);
                if (e.Type == "CALL_CLOSED")
                    break;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or BaresipException or ChannelClosedException or TimeoutException)
        {
            await HangupQuietlyAsync();
        }
        EndCall();
        release();
        return null;
    }

    /// The caller's number from their SIP URI: the user part's digits (sip:13800000000@host → 13800000000).
    public static string CallerNumber(string? peerUri)
    {
        if (string.IsNullOrEmpty(peerUri))
            return "";
        var user = peerUri.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) ? peerUri[4..] : peerUri;
        var at = user.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
            user = user[..at];
        var digits = new string(user.Where(char.IsAsciiDigit).ToArray());
        return digits.StartsWith("86", StringComparison.Ordinal) && digits.Length == 13 ? digits[2..] : digits;
    }
}
