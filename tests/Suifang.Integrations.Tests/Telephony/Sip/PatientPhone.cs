using System.Threading.Channels;
using Suifang.Integrations.Telephony.Sip;
using Suifang.Integrations.Telephony.Sip.Audio;

namespace Suifang.Integrations.Tests.Telephony.Sip;

/// The patient's phone: a second baresip that answers automatically, records what it hears, plays WAV files as the
/// patient's voice and presses keys (DTMF, RFC 4733).
internal sealed class PatientPhone : IAsyncDisposable
{
    private readonly BaresipInstance baresip;
    private readonly Channel<BaresipEvent> events = Channel.CreateUnbounded<BaresipEvent>();

    private PatientPhone(BaresipInstance baresip, string folder)
    {
        this.baresip = baresip;
        Folder = folder;
        baresip.Control.EventReceived += e => events.Writer.TryWrite(e);
    }

    public const string Number = "13800000000";

    public string Folder { get; }

    public string SilencePath => Path.Combine(Folder, "silence.wav");

    public string HeardFolder => Path.Combine(Folder, "heard");

    public static async Task<PatientPhone> StartAsync(TestPorts ports, string folder)
    {
        Directory.CreateDirectory(folder);
        var silence = Path.Combine(folder, "silence.wav");
        await File.WriteAllBytesAsync(silence, Wav.Write(new short[Wav.LineRate * 120]));
        var setup = new BaresipSetup("/usr/bin/baresip", "/usr/lib/baresip/modules", Path.Combine(folder, "baresip"), "127.0.0.1",
            ports.PatientSip, ports.PatientControl, ports.PatientRtpMin, ports.PatientRtpMax, $"aufile,{silence}",
            Path.Combine(folder, "heard"), $"<sip:{Number}@127.0.0.1:{ports.PatientSip}>;regint=0;answermode=auto;audio_codecs=pcmu");
        return new PatientPhone(await BaresipInstance.StartAsync(setup, CancellationToken.None), folder);
    }

    /// Waits for an event of the given type (e.g. CALL_ESTABLISHED) on the patient's side.
    public async Task<BaresipEvent> WaitForAsync(string type, TimeSpan timeout)
    {
        using var wait = new CancellationTokenSource(timeout);
        while (true)
        {
            var e = await events.Reader.ReadAsync(wait.Token);
            if (e.Type == type)
                return e;
        }
    }

    public Task PressAsync(string digits) => baresip.Control.SendAsync("sndcode", digits, CancellationToken.None);

    public Task SayAsync(string wavPath) => baresip.Control.SendAsync("ausrc", $"aufile,{wavPath}", CancellationToken.None);

    public Task HangUpAsync() => baresip.Control.SendAsync("hangup", null, CancellationToken.None);

    /// Everything the patient has heard so far in the current call.
    public short[] Heard() =>
        CallRecording.FindReceived(HeardFolder) is { } path ? Wav.ReadFile(path).Samples : [];

    public BaresipControl Control => baresip.Control;

    public ValueTask DisposeAsync() => baresip.DisposeAsync();
}
