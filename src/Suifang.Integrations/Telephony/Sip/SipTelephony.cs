using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Suifang.Agent.Speech;
using Suifang.Agent.Telephony;

namespace Suifang.Integrations.Telephony.Sip;

/// Outbound calls through baresip lines (one process per line, started on first use) to the hospital's SIP trunk, and
/// incoming calls (呼入) on the same lines once a handler is registered (Answer): a free line accepts the call and the
/// handler gets the caller's number from the SIP From header. Thread-safe: a call waits for a free line.
internal sealed class SipTelephony : IInboundTelephony, IAsyncDisposable
{
    private readonly SipOptions options;
    private readonly SipLine[] lines;
    private readonly Channel<SipLine> free = Channel.CreateUnbounded<SipLine>();
    private int disposed;

    public SipTelephony(IOptions<TelephonyOptions> options, ITextToSpeech speech, ISpeechToText recognizer)
        : this(options.Value.Sip, speech, recognizer)
    {
    }

    public SipTelephony(SipOptions options, ITextToSpeech speech, ISpeechToText recognizer)
    {
        this.options = options;
        var prompts = new PromptCache(speech, Path.Combine(Path.GetFullPath(options.WorkFolder), "prompts"));
        lines = Enumerable.Range(0, options.Lines).Select(i => new SipLine(options, i, prompts, recognizer)).ToArray();
        foreach (var line in lines)
        {
            line.Incoming = OnIncoming;
            free.Writer.TryWrite(line);
        }
    }

    private Func<IncomingCall, CancellationToken, Task>? inbound;

    public void Answer(Func<IncomingCall, CancellationToken, Task> handler) => inbound = handler;

    private void OnIncoming(SipLine line, BaresipEvent ringing)
    {
        if (inbound is not { } handler || !line.TryReserve())
            return; // nobody answers, or the line is busy: it keeps ringing
        _ = Task.Run(async () =>
        {
            var released = 0;
            void Release()
            {
                if (Interlocked.Exchange(ref released, 1) == 0 && line.Free(fromPool: false))
                    free.Writer.TryWrite(line);
            }
            SipPhoneCall? call = null;
            try
            {
                call = await line.AcceptAsync(ringing, Release, CancellationToken.None);
                if (call is not null)
                    await handler(new IncomingCall(SipLine.CallerNumber(ringing.PeerUri), call, line.ToString()), CancellationToken.None);
            }
            catch (Exception)
            {
                // The handler records what it can; the line must be freed whatever happened.
            }
            finally
            {
                if (call is not null)
                    await call.DisposeAsync();
                Release();
            }
        });
    }

    public string Name => $"SIP {options.ListenAddress}:{options.LocalSipPort} → {options.TrunkUri}";

    /// Starts every line's baresip now rather than at the first call.
    public Task StartAsync(CancellationToken ct) => Task.WhenAll(lines.Select(l => l.StartAsync(ct)));

    public async Task<DialResult> DialAsync(string number, CallRequest request, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(number) || !number.All(c => char.IsAsciiDigit(c) || c is '+' or '*' or '#'))
            return DialResult.Failed(NotReachedReason.InvalidNumber, $"号码“{number}”含有数字以外的字符。");
        var line = await free.Reader.ReadAsync(ct);
        while (!line.TryReserveFromPool())
            line = await free.Reader.ReadAsync(ct); // an incoming call holds it; it comes back when that call ends
        var released = 0;
        void Release()
        {
            if (Interlocked.Exchange(ref released, 1) == 0 && line.Free(fromPool: true))
                free.Writer.TryWrite(line);
        }
        try
        {
            return await line.DialAsync(number, request, Release, ct);
        }
        catch
        {
            Release();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Registered as itself and as ITelephony: the container may dispose it twice.
        if (Interlocked.Exchange(ref disposed, 1) == 1)
            return;
        foreach (var line in lines)
            await line.DisposeAsync();
    }
}
