using Suifang.Agent.Telephony;
using Suifang.Integrations.Telephony;
using Suifang.Integrations.Telephony.Sip;

namespace Suifang.Integrations.Tests.Telephony.Sip;

/// One SIP test's world on loopback: its own ports and folder, the system's line (SipTelephony), and the far end —
/// a patient's baresip or a SIPp carrier. Dispose kills every process it started, also when the test failed.
internal sealed class SipWorld : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> owned = [];
    private Action<SipOptions> configure = _ => { };

    private SipWorld(TestPorts ports, string folder)
    {
        Ports = ports;
        Folder = folder;
    }

    public TestPorts Ports { get; }
    public string Folder { get; }
    public EspeakSpeech Speech { get; } = new();
    public ScriptedRecognizer Recognizer { get; private set; } = new();
    public SipTelephony Telephony { get; private set; } = null!;
    public PatientPhone Patient { get; private set; } = null!;
    public SipOptions Options { get; private set; } = null!;
    public string RecordingsFolder => Path.Combine(Folder, "recordings");

    /// A line that calls the patient's baresip directly (no registrar, the patient's address as trunk).
    public static Task<SipWorld> WithPatientAsync(params string[] recognizedTexts) => WithPatientAsync(_ => { }, recognizedTexts);

    public static async Task<SipWorld> WithPatientAsync(Action<SipOptions> configure, params string[] recognizedTexts)
    {
        var world = Create();
        world.configure = configure;
        try
        {
            world.Patient = world.Own(await PatientPhone.StartAsync(world.Ports, Path.Combine(world.Folder, "patient")));
            world.StartLine($"sip:127.0.0.1:{world.Ports.PatientSip}", recognizedTexts);
            return world;
        }
        catch
        {
            await world.DisposeAsync();
            throw;
        }
    }

    /// A line whose trunk is a SIPp scenario.
    public static async Task<SipWorld> WithCarrierAsync(Func<SipWorld, Task<string>> scenario)
    {
        var world = Create();
        try
        {
            world.Own(await FakeCarrier.StartAsync(world.Ports, Path.Combine(world.Folder, "carrier"), await scenario(world)));
            world.StartLine($"sip:127.0.0.1:{world.Ports.CarrierSip}", []);
            return world;
        }
        catch
        {
            await world.DisposeAsync();
            throw;
        }
    }

    /// A line whose trunk address has nobody listening (a dead carrier).
    public static SipWorld WithNobody()
    {
        var world = Create();
        world.StartLine($"sip:127.0.0.1:{world.Ports.CarrierSip}", []);
        return world;
    }

    private static SipWorld Create()
    {
        var folder = Directory.CreateTempSubdirectory("suifang-sip-").FullName;
        return new SipWorld(TestPorts.Allocate(), folder);
    }

    private void StartLine(string trunk, string[] recognizedTexts)
    {
        Recognizer = new ScriptedRecognizer(recognizedTexts);
        Options = new SipOptions
        {
            ListenAddress = "127.0.0.1",
            LocalSipPort = Ports.LineSip,
            RtpPortMin = Ports.LineRtpMin,
            RtpPortMax = Ports.LineRtpMax,
            TrunkUri = trunk,
            CallerId = "02512345678",
            RecordingsFolder = RecordingsFolder,
            WorkFolder = Path.Combine(Folder, "lines"),
            EndOfSpeechMilliseconds = 700,
        };
        configure(Options);
        Telephony = Own(new SipTelephony(Options, Speech, Recognizer));
    }

    public Task<DialResult> DialAsync(string effectKey, TimeSpan? ringTimeout = null) =>
        Telephony.DialAsync(PatientPhone.Number, new CallRequest(effectKey, ringTimeout ?? TimeSpan.FromSeconds(10)), CancellationToken.None);

    private T Own<T>(T item) where T : IAsyncDisposable
    {
        owned.Add(item);
        return item;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var item in Enumerable.Reverse(owned))
        {
            try
            {
                await item.DisposeAsync();
            }
            catch (Exception)
            {
                // Keep killing the rest.
            }
        }
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
