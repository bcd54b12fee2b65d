using System.Buffers.Binary;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Suifang.Agent.Speech;
using Suifang.Core.Calls;
using Suifang.Core.Data;
using Suifang.Core.Contact;
using Suifang.Core.Tasks;
using Suifang.Integrations.Calls;
using Suifang.Integrations.Calls.Recordings;
using Suifang.Integrations.Speech;
using Suifang.Integrations.Speech.Espeak;
using Suifang.Integrations.Telephony.Simulated;
using Suifang.Testing;
using Suifang.Testing.Calls;

namespace Suifang.Integrations.Tests.Calls;

/// Playable recordings of simulated calls (issue #4, 5.1.7): rendered after the call from the timestamped transcript,
/// the agent in the configured TTS and the patient in another espeak-ng voice, with the pauses between turns.
public sealed class SimulatedRecordingTests
{
    private static readonly EspeakTextToSpeech Agent = new(new EspeakOptions());
    private static readonly EspeakTextToSpeech Patient = new(new EspeakOptions { Variant = "f2", Pitch = 70 });

    private static CallTurn Turn(int index, Speaker who, string text, int startMs = 0, int endMs = 0, string? dtmf = null) =>
        new() { Index = index, Speaker = who, Text = text, Dtmf = dtmf, StartMs = startMs, EndMs = endMs };

    [Fact]
    public async Task The_recording_is_an_8_khz_mono_wav_of_both_voices_with_pauses_and_key_tones()
    {
        var turns = new[]
        {
            Turn(0, Speaker.Agent, "您好，我是测试医院的AI随访助手。"),
            Turn(1, Speaker.Patient, "是我。"),
            Turn(2, Speaker.Agent, "伤口有没有发红？有的话请按1，没有请按2。"),
            Turn(3, Speaker.Patient, "", dtmf: "2"),
        };
        var parts = new List<double>();
        foreach (var (text, voice) in new[] { (turns[0].Text, Agent), (turns[1].Text, Patient), (turns[2].Text, Agent) })
            parts.Add((await voice.SynthesizeAsync(text, false, CancellationToken.None)).Duration.TotalSeconds);

        var audio = await new TranscriptRecording(Agent, Patient).RenderAsync(turns, CancellationToken.None);

        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(audio.Wav, 0, 4));
        var (rate, channels, pcm) = TelephoneWav.Read(audio.Wav);
        Assert.Equal(8000, rate);
        Assert.Equal(1, channels);
        Assert.Equal(16, BinaryPrimitives.ReadInt16LittleEndian(audio.Wav.AsSpan(34)));
        Assert.Equal(pcm.Length / 2.0 / 8000, audio.Duration.TotalSeconds, 3);
        // Every turn is there, one after the other, with a pause before each (≥ 0.3 s) and the key tone (0.2 s).
        Assert.InRange(audio.Duration.TotalSeconds, parts.Sum() + 0.2 + 4 * 0.3, parts.Sum() + 0.2 + 4 * 1.0 + 0.6);
    }

    [Fact]
    public async Task The_patient_speaks_in_a_clearly_different_voice_from_the_agent()
    {
        const string text = "没有发烧，伤口也不疼。";
        var agent = await Agent.SynthesizeAsync(text, false, CancellationToken.None);
        var patient = await Patient.SynthesizeAsync(text, false, CancellationToken.None);
        Assert.NotEqual(agent.Wav, patient.Wav);
        // espeak-ng's default Mandarin voice is a low male voice (≈ 90 Hz); the patient's is a female variant (≈ 200 Hz).
        var (agentPitch, patientPitch) = (MedianPitch(agent), MedianPitch(patient));
        Assert.True(patientPitch > agentPitch * 1.6, $"patient {patientPitch:F0} Hz vs agent {agentPitch:F0} Hz");
    }

    [Fact]
    public async Task The_transcripts_timing_sets_the_silences_when_the_call_was_paced()
    {
        var quick = new[] { Turn(0, Speaker.Agent, "您好。"), Turn(1, Speaker.Patient, "是我。") };
        var paced = new[] { Turn(0, Speaker.Agent, "您好。"), Turn(1, Speaker.Patient, "是我。", startMs: 800, endMs: 6000) };
        var renderer = new TranscriptRecording(Agent, Patient);
        var a = await renderer.RenderAsync(quick, CancellationToken.None);
        var b = await renderer.RenderAsync(paced, CancellationToken.None);
        Assert.True(b.Duration.TotalSeconds >= 6.0, $"paced call: {b.Duration}");
        Assert.True(a.Duration < b.Duration);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_simulated_call_gets_its_recording_after_the_call_where_the_recording_endpoint_serves_it(DatabaseProvider provider)
    {
        await using var world = await CallWorld.WithRealAgentAsync(provider);
        var task = await world.PatientWithCallAsync(Persona.Cooperative);
        await world.RunAsync(task.Id);
        var folder = Directory.CreateTempSubdirectory("suifang-rec-").FullName;
        var recordings = new SimulatedRecordings(world.NewContext, new TranscriptRecording(Agent, Patient), folder, 10, NullLogger.Instance);
        await using var db = world.NewContext();
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.TaskId == task.Id);
        Assert.Null(call.RecordingPath);

        var path = await recordings.RenderAsync(call.Id, CancellationToken.None);

        Assert.NotNull(path);
        Assert.Equal(path, (await db.Calls.AsNoTracking().SingleAsync(c => c.Id == call.Id)).RecordingPath);
        Assert.StartsWith(Path.GetFullPath(folder), path);
        var (rate, _, pcm) = TelephoneWav.Read(await File.ReadAllBytesAsync(path!));
        Assert.Equal(8000, rate);
        Assert.True(pcm.Length / 2.0 / 8000 > 10, "a whole follow-up call lasts more than ten seconds");
        // Rendered once: a second request leaves the recording alone.
        Assert.Null(await recordings.RenderAsync(call.Id, CancellationToken.None));
    }

    [Fact]
    public async Task An_answered_simulated_call_is_queued_by_the_channel_and_gets_its_recording_in_the_background()
    {
        await using var world = await CallWorld.WithRealAgentAsync(DatabaseProvider.Sqlite);
        var log = new WarningLog();
        var recordings = new SimulatedRecordings(world.NewContext, new TranscriptRecording(Agent, Patient),
            Directory.CreateTempSubdirectory("suifang-rec-").FullName, 10, log);
        await recordings.StartAsync(CancellationToken.None);
        var callId = await CallThroughAsync(world, recordings, Persona.FamilyAnswers);

        var path = await WaitAsync(world, callId, log);
        await recordings.StopAsync(CancellationToken.None);

        Assert.Empty(log.Warnings);
        Assert.True(File.Exists(path));
    }

    [Fact]
    public async Task A_failing_tts_never_breaks_the_call_it_only_leaves_it_without_a_recording()
    {
        await using var world = await CallWorld.WithRealAgentAsync(DatabaseProvider.Sqlite);
        var broken = new EspeakTextToSpeech(new EspeakOptions { Executable = "/nonexistent/espeak-ng" });
        var log = new WarningLog();
        var recordings = new SimulatedRecordings(world.NewContext, new TranscriptRecording(broken, Patient),
            Directory.CreateTempSubdirectory("suifang-rec-").FullName, 10, log);
        await recordings.StartAsync(CancellationToken.None);
        var callId = await CallThroughAsync(world, recordings, Persona.Cooperative);

        for (var i = 0; i < 600 && log.Warnings.IsEmpty; i++)
            await Task.Delay(100);
        await recordings.StopAsync(CancellationToken.None);

        Assert.Contains(log.Warnings, w => w.Contains(callId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        await using var db = world.NewContext();
        var call = await db.Calls.SingleAsync(c => c.Id == callId);
        Assert.Null(call.RecordingPath);
        Assert.Equal(CallEnd.Completed, call.End);
    }

    private static async Task<long> CallThroughAsync(CallWorld world, SimulatedRecordings recordings, Persona persona)
    {
        var task = await world.PatientWithCallAsync(persona);
        var channel = new AiCallChannel(world.NewContext, world.Telephony, world.Conversations, _ => new FixedScriptLibrary(),
            world.Tasks.Hospital.Protector, new ContactPolicies(), () => world.Now, new CallsOptions(), null, recordings);
        var engine = world.Tasks.Engine(channel: channel);
        var execution = await world.StartAsync(engine, task.Id);
        var outcome = await engine.RunAsync(execution, CancellationToken.None);
        await engine.FinishAsync([(execution, outcome)], CancellationToken.None);
        Assert.Equal(OutcomeKind.Completed, outcome.Kind);
        await using var db = world.NewContext();
        return await db.Calls.Where(c => c.TaskId == task.Id).Select(c => c.Id).SingleAsync();
    }

    /// Waits for the background worker (bounded; the test fails with the worker's warnings if it never comes).
    private static async Task<string> WaitAsync(CallWorld world, long callId, WarningLog log)
    {
        for (var i = 0; i < 600; i++)
        {
            await using (var db = world.NewContext())
                if (await db.Calls.Where(c => c.Id == callId).Select(c => c.RecordingPath).SingleAsync() is { } path)
                    return path;
            if (!log.Warnings.IsEmpty)
                break;
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException("no recording: " + string.Join("; ", log.Warnings));
    }

    private sealed class WarningLog : Microsoft.Extensions.Logging.ILogger
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Warnings { get; } = new();
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel level) => true;
        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel level, Microsoft.Extensions.Logging.EventId id, TState state, Exception? error, Func<TState, Exception?, string> format)
        {
            if (level >= Microsoft.Extensions.Logging.LogLevel.Warning)
                Warnings.Enqueue(format(state, error) + " " + error?.Message);
        }
    }

    /// The median fundamental frequency (voice pitch) of the voiced 40 ms frames, by autocorrelation over 60–400 Hz.
    private static double MedianPitch(SpeechAudio audio)
    {
        var (rate, _, pcm) = TelephoneWav.Read(audio.Wav);
        var x = new double[pcm.Length / 2];
        for (var i = 0; i < x.Length; i++)
            x[i] = BinaryPrimitives.ReadInt16LittleEndian(pcm.Span[(i * 2)..]);
        int n = rate * 40 / 1000, lo = rate / 400, hi = rate / 60;
        var pitches = new List<double>();
        for (var at = 0; at + n <= x.Length; at += n)
        {
            var frame = x.AsSpan(at, n);
            double energy = 0;
            foreach (var v in frame) energy += v * v;
            if (Math.Sqrt(energy / n) < 500) continue;
            var (best, bestScore) = (0, double.MinValue);
            for (var lag = lo; lag < hi; lag++)
            {
                double score = 0;
                for (var j = 0; j + lag < n; j++) score += frame[j] * frame[j + lag];
                if (score > bestScore) (best, bestScore) = (lag, score);
            }
            if (bestScore > 0.3 * energy) pitches.Add((double)rate / best);
        }
        pitches.Sort();
        return pitches.Count == 0 ? 0 : pitches[pitches.Count / 2];
    }
}
