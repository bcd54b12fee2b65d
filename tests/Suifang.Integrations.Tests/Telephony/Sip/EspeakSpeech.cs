using System.Diagnostics;
using Suifang.Agent.Speech;
using Suifang.Integrations.Telephony.Sip.Audio;

namespace Suifang.Integrations.Tests.Telephony.Sip;

/// Test-side TTS: espeak-ng's Mandarin voice, converted by sox to 8 kHz mono telephone WAV.
internal sealed class EspeakSpeech : ITextToSpeech
{
    public string Name => "espeak-ng cmn (test)";

    public int Calls;

    public async Task<SpeechAudio> SynthesizeAsync(string text, bool slow, CancellationToken ct)
    {
        Interlocked.Increment(ref Calls);
        var wav = await ToWavFileAsync(text, slow, Path.Combine(Path.GetTempPath(), $"suifang-tts-{Guid.NewGuid():N}.wav"), ct);
        try
        {
            var bytes = await File.ReadAllBytesAsync(wav, ct);
            var (samples, rate) = Wav.Read(bytes);
            return new SpeechAudio(bytes, rate, TimeSpan.FromSeconds(samples.Length / (double)rate));
        }
        finally
        {
            File.Delete(wav);
        }
    }

    /// Speaks <paramref name="text"/> into an 8 kHz WAV at <paramref name="path"/>, optionally followed by silence.
    public static async Task<string> ToWavFileAsync(string text, bool slow, string path, CancellationToken ct, double silenceAfter = 0)
    {
        var raw = path + ".22k.wav";
        await RunAsync("espeak-ng", ["-v", "cmn", "-s", slow ? "120" : "170", "-w", raw, text], ct);
        List<string> sox = [raw, "-r", "8000", "-c", "1", "-b", "16", path];
        if (silenceAfter > 0)
            sox.AddRange(["pad", "0", silenceAfter.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await RunAsync("sox", sox, ct);
        File.Delete(raw);
        return path;
    }

    public static async Task RunAsync(string program, IEnumerable<string> arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} failed: {await error}");
    }
}

/// Test-side ASR: returns the texts it is told, in order, and keeps the audio it was given.
internal sealed class ScriptedRecognizer(params string[] texts) : ISpeechToText
{
    private readonly Queue<string> answers = new(texts);

    public List<SpeechAudio> Heard { get; } = [];

    public string Name => "scripted (test)";

    public Task<Transcription> TranscribeAsync(SpeechAudio audio, CancellationToken ct)
    {
        lock (Heard)
        {
            Heard.Add(audio);
            return Task.FromResult(new Transcription(answers.Count > 0 ? answers.Dequeue() : "", 0.9));
        }
    }
}
