using System.Diagnostics;
using System.Globalization;
using Suifang.Agent.Dialogue;
using Suifang.Agent.Speech;
using Suifang.Agent.Telephony;
using Suifang.Integrations.Telephony;
using Suifang.Integrations.Telephony.Sip;
using Suifang.Integrations.Telephony.Sip.Audio;

namespace Suifang.Bench;

/// Issue #4's SIP figure: from the patient's key press (DTMF) or end of speech to the first audio of the next prompt
/// at the patient's phone, with cached prompts, on 127.0.0.1. The patient is a second baresip; "first audio" is the
/// first 20 ms frame louder than −36 dBFS in what the patient's baresip decodes (its live recording, polled every 2 ms).
internal static class SipLatencyBench
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var turns = args.Int("turns", 40);
        var basePort = args.Int("port", 41000);
        var folder = Directory.CreateTempSubdirectory("suifang-sip-bench-").FullName;
        var patientSip = basePort + 4;
        var silence = Path.Combine(folder, "patient-silence.wav");
        await File.WriteAllBytesAsync(silence, Wav.Write(new short[Wav.LineRate * 300]));
        var heard = Path.Combine(folder, "heard");
        var options = new SipOptions
        {
            LocalSipPort = basePort, RtpPortMin = basePort + 20, RtpPortMax = basePort + 29, TrunkUri = $"sip:127.0.0.1:{patientSip}",
            RecordingsFolder = Path.Combine(folder, "recordings"), WorkFolder = Path.Combine(folder, "lines"),
            EndOfSpeechMilliseconds = args.Int("end-of-speech-ms", 700),
        };
        var speech = new EspeakNg(folder);
        await using var patient = await BaresipInstance.StartAsync(new BaresipSetup("/usr/bin/baresip", "/usr/lib/baresip/modules",
            Path.Combine(folder, "patient"), "127.0.0.1", patientSip, patientSip + 2, basePort + 30, basePort + 39, $"aufile,{silence}", heard,
            $"<sip:13800000000@127.0.0.1:{patientSip}>;regint=0;answermode=auto;audio_codecs=pcmu"), CancellationToken.None);
        await using var telephony = new SipTelephony(options, speech, new InstantRecognizer());
        var dial = await telephony.DialAsync("13800000000", new CallRequest("bench", TimeSpan.FromSeconds(10)), CancellationToken.None);
        await using var call = dial.Call ?? throw new InvalidOperationException(dial.Detail);
        string[] prompts = ["好的。", "请问伤口还疼吗？", "谢谢您。"];
        foreach (var prompt in prompts)
            await call.SayAsync(new AgentTurn(prompt), CancellationToken.None); // fills the prompt cache
        using var ear = new WavTail(CallRecording.FindReceived(heard)!);

        var dtmf = new List<double>();
        for (var i = 0; i < turns; i++)
        {
            ear.ReadNew();
            var listening = call.ListenAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
            var pressed = Stopwatch.GetTimestamp();
            await patient.Control.SendAsync("sndcode", "1", CancellationToken.None);
            await listening;
            var saying = call.SayAsync(new AgentTurn(prompts[i % prompts.Length]), CancellationToken.None);
            dtmf.Add(await FirstAudioMsAsync(ear, pressed));
            await saying;
        }

        var answer = await speech.FileAsync("我现在不发烧了", Path.Combine(folder, "answer.wav"), 20);
        var (answerSamples, _) = Wav.ReadFile(answer);
        var spokenUntil = LastLoudSample(answerSamples) / (double)Wav.LineRate;
        var afterSpeech = new List<double>();
        for (var i = 0; i < Math.Max(5, turns / 4); i++)
        {
            ear.ReadNew();
            var listening = call.ListenAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
            var started = Stopwatch.GetTimestamp();
            await patient.Control.SendAsync("ausrc", $"aufile,{answer}", CancellationToken.None);
            var endOfSpeech = started + (long)(spokenUntil * Stopwatch.Frequency);
            await listening;
            var saying = call.SayAsync(new AgentTurn(prompts[i % prompts.Length]), CancellationToken.None);
            afterSpeech.Add(await FirstAudioMsAsync(ear, endOfSpeech));
            await saying;
            await patient.Control.SendAsync("ausrc", $"aufile,{silence}", CancellationToken.None);
        }

        Print($"DTMF → first prompt audio ({turns} turns)", dtmf);
        Print($"end of speech → first prompt audio (includes the {options.EndOfSpeechMilliseconds} ms end-of-speech silence)", afterSpeech);
        Print("  of which after the end-of-speech silence", afterSpeech.Select(ms => ms - options.EndOfSpeechMilliseconds).ToList());
        try
        {
            Directory.Delete(folder, true);
        }
        catch (IOException)
        {
        }
        return 0;
    }

    private static async Task<double> FirstAudioMsAsync(WavTail ear, long since)
    {
        var pending = new List<short>();
        var deadline = Stopwatch.GetTimestamp() + 5 * Stopwatch.Frequency;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            pending.AddRange(ear.ReadNew());
            for (var offset = 0; offset + 160 <= pending.Count; offset += 160)
            {
                double sum = 0;
                for (var i = offset; i < offset + 160; i++)
                    sum += (double)pending[i] * pending[i];
                if (Math.Sqrt(sum / 160) > 500)
                    return Stopwatch.GetElapsedTime(since).TotalMilliseconds;
            }
            pending.RemoveRange(0, pending.Count / 160 * 160);
            await Task.Delay(2);
        }
        throw new TimeoutException("the patient heard no prompt within 5 s");
    }

    private static int LastLoudSample(short[] samples)
    {
        for (var i = samples.Length - 1; i >= 0; i--)
        {
            if (Math.Abs((int)samples[i]) > 500)
                return i;
        }
        return 0;
    }

    private static void Print(string what, List<double> ms)
    {
        var sorted = ms.Order().ToArray();
        double P(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: n={sorted.Length} p50={P(0.5):F0} ms p95={P(0.95):F0} ms max={sorted[^1]:F0} ms"));
    }

    /// Bench-side TTS: espeak-ng Mandarin converted by sox to 8 kHz mono.
    private sealed class EspeakNg(string folder) : ITextToSpeech
    {
        public string Name => "espeak-ng cmn (bench)";

        public async Task<SpeechAudio> SynthesizeAsync(string text, bool slow, CancellationToken ct)
        {
            var path = await FileAsync(text, Path.Combine(folder, $"tts-{Guid.NewGuid():N}.wav"), 0);
            var bytes = await File.ReadAllBytesAsync(path, ct);
            return new SpeechAudio(bytes, Wav.LineRate, TimeSpan.FromSeconds((bytes.Length - 44) / 16000.0));
        }

        public async Task<string> FileAsync(string text, string path, int silenceAfter)
        {
            await RunAsync("espeak-ng", ["-v", "cmn", "-w", path + ".raw.wav", text]);
            await RunAsync("sox", [path + ".raw.wav", "-r", "8000", "-c", "1", "-b", "16", path, "pad", "0", silenceAfter.ToString(CultureInfo.InvariantCulture)]);
            return path;
        }

        private static async Task RunAsync(string program, string[] arguments)
        {
            using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true })!;
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"{program} failed: {await process.StandardError.ReadToEndAsync()}");
        }
    }

    /// Bench-side ASR that answers at once: the figure is the line's own latency, not a recogniser's.
    private sealed class InstantRecognizer : ISpeechToText
    {
        public string Name => "instant (bench)";

        public Task<Transcription> TranscribeAsync(SpeechAudio audio, CancellationToken ct) =>
            Task.FromResult(new Transcription("不发烧了", 1));
    }
}
