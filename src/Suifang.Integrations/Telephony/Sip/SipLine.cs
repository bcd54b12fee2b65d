using System.Globalization;
using System.Threading.Channels;
using Suifang.Agent.Speech;
using Suifang.Agent.Telephony;
using Suifang.Integrations.Telephony.Sip.Audio;

namespace Suifang.Integrations.Telephony.Sip;

/// One outbound line: a baresip process with its own ports and recording folder, one call at a time.
internal sealed partial class SipLine(SipOptions options, int index, PromptCache prompts, ISpeechToText recognizer) : IAsyncDisposable
{
    private readonly SemaphoreSlim startLock = new(1, 1);
    private BaresipInstance? baresip;
    private Channel<BaresipEvent>? currentCall;

    public int SipPort => options.LocalSipPort + 4 * index;

    public string Folder => Path.Combine(Path.GetFullPath(options.WorkFolder), $"line-{index + 1}");

    public string DumpFolder => Path.Combine(Folder, "dumps");

    public PromptCache Prompts => prompts;

    public ISpeechToText Recognizer => recognizer;

    public SipOptions Options => options;

    public BaresipControl Control => baresip?.Control ?? throw new BaresipException("线路未启动。");

    public async Task StartAsync(CancellationToken ct)
    {
        await startLock.WaitAsync(ct);
        try
        {
            if (baresip is { HasExited: false })
                return;
            if (baresip is not null)
                await baresip.DisposeAsync();
            baresip = await BaresipInstance.StartAsync(Setup(), ct);
            baresip.Control.EventReceived += Route;
            baresip.Control.Disconnected += () => currentCall?.Writer.TryComplete();
        }
        finally
        {
            startLock.Release();
        }
    }

    private BaresipSetup Setup()
    {
        var share = (options.RtpPortMax - options.RtpPortMin + 1) / options.Lines;
        var rtpMin = options.RtpPortMin + share * index;
        string account;
        if (options.RegistrarUri is { Length: > 0 } registrar)
        {
            var host = registrar["sip:".Length..];
            account = $"\"{options.CallerId}\" <sip:{options.UserName}@{host}>;auth_pass={options.Password};outbound=\"{registrar}\";regint=600;audio_codecs=pcmu,pcma";
        }
        else
        {
            account = $"<sip:{options.CallerId}@{options.ListenAddress}:{SipPort}>;regint=0;audio_codecs=pcmu,pcma";
        }
        return new BaresipSetup(options.BaresipPath, options.ModulePath, Path.Combine(Folder, "baresip"), options.ListenAddress,
            SipPort, SipPort + 2, rtpMin, rtpMin + share - 1, $"aufile,{prompts.SilencePath}", DumpFolder, account);
    }

    /// The SIP URI for a number: the trunk's host with the number as user, e.g. sip:13800000000@10.1.2.3:5060.
    public string UriFor(string number)
    {
        var trunk = options.TrunkUri["sip:".Length..];
        var at = trunk.IndexOf('@', StringComparison.Ordinal);
        return $"sip:{number}@{(at >= 0 ? trunk[(at + 1)..] : trunk)}";
    }

    /// Places the call; returns the answered call (which owns the line until disposed) or why it was not answered.
    public async Task<DialResult> DialAsync(string number, CallRequest request, Action release, CancellationToken ct)
    {
        await StartAsync(ct);
        CallRecording.Clear(DumpFolder);
        var events = Channel.CreateUnbounded<BaresipEvent>();
        currentCallId = null;
        currentCall = events;
        var ringTimeout = request.RingTimeout > TimeSpan.Zero ? request.RingTimeout : TimeSpan.FromSeconds(options.RingTimeoutSeconds);
        var provisional = false;
        try
        {
            await Control.SendAsync("dial", UriFor(number), ct);
            using var ring = CancellationTokenSource.CreateLinkedTokenSource(ct);
            ring.CancelAfter(ringTimeout);
            while (true)
            {
                BaresipEvent e;
                try
                {
                    e = await events.Reader.ReadAsync(ring.Token);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    return await GiveUpAsync(request, provisional, release);
                }
                catch (ChannelClosedException)
                {
                    return Unreached(request, null, true, provisional, release, "线路进程意外退出");
                }
                switch (e.Type)
                {
                    case "CALL_RINGING" or "CALL_PROGRESS":
                        provisional = true;
                        break;
                    case "CALL_ESTABLISHED":
                        return DialResult.Answered(new SipPhoneCall(this, events.Reader, request.EffectKey, release));
                    case "CALL_CLOSED":
                        return Unreached(request, e.Param, false, provisional, release);
                }
            }
        }
        catch (OperationCanceledException)
        {
            await HangupQuietlyAsync();
            currentCall = null;
            release();
            throw;
        }
        catch (BaresipException e)
        {
            currentCall = null;
            release();
            return DialResult.Failed(NotReachedReason.NetworkError, e.Message);
        }
    }

    private async Task<DialResult> GiveUpAsync(CallRequest request, bool provisional, Action release)
    {
        await HangupQuietlyAsync();
        var closed = await WaitClosedAsync(currentCall!.Reader, TimeSpan.FromSeconds(3));
        return Unreached(request, closed, true, provisional, release);
    }

    private DialResult Unreached(CallRequest request, string? reason, bool timedOut, bool provisional, Action release, string? note = null)
    {
        currentCall = null;
        try
        {
            var received = CallRecording.FindReceived(DumpFolder);
            var tone = received is null ? EarlyMediaTone.None : ToneDetector.Classify(Wav.ReadFile(received).Samples);
            var result = UnreachedClassifier.Classify(reason, tone, timedOut, provisional);
            var recording = CallRecording.Keep(DumpFolder, options.RecordingsFolder, request.EffectKey);
            return result with { Detail = note is null ? result.Detail : $"{note}；{result.Detail}", RecordingPath = recording };
        }
        finally
        {
            release();
        }
    }

    /// Hangs up the current call if there is one (errors are ignored: the call may already be gone).
    public async Task HangupQuietlyAsync()
    {
        try
        {
            await Control.SendAsync("hangup", null, CancellationToken.None);
        }
        catch (BaresipException)
        {
        }
        catch (TimeoutException)
        {
        }
    }

    public static async Task<string?> WaitClosedAsync(ChannelReader<BaresipEvent> events, TimeSpan timeout)
    {
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await foreach (var e in events.ReadAllAsync(wait.Token))
            {
                if (e.Type == "CALL_CLOSED")
                    return e.Param;
            }
        }
        catch (OperationCanceledException)
        {
        }
        return null;
    }

    public void EndCall()
    {
        currentCall?.Writer.TryComplete();
        currentCall = null;
        currentCallId = null;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"SIP line {index + 1} ({options.ListenAddress}:{SipPort})");

    public async ValueTask DisposeAsync()
    {
        if (baresip is not null)
            await baresip.DisposeAsync();
        startLock.Dispose();
    }
}
