using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Suifang.Agent.Speech;
using Suifang.Integrations.Telephony.Sip.Audio;

namespace Suifang.Integrations.Telephony.Sip;

/// A prompt ready for baresip's aufile source: 8 kHz mono 16-bit, followed by silence so that the source does not
/// reach its end (which closes the call) before the line switches back to the silence file.
internal sealed record PromptFile(string Path, TimeSpan Duration);

/// Synthesises each distinct prompt once and keeps the file: repeated prompts start playing without waiting for TTS.
internal sealed class PromptCache(ITextToSpeech speech, string folder)
{
    private static readonly TimeSpan Padding = TimeSpan.FromSeconds(2);
    private readonly ConcurrentDictionary<string, Lazy<Task<PromptFile>>> prompts = new();

    public string SilencePath { get; } = WriteSilence(folder);

    public Task<PromptFile> GetAsync(string text, bool slow, CancellationToken ct)
    {
        var key = $"{speech.Name}|{slow}|{text}";
        var prompt = prompts.GetOrAdd(key, k => new Lazy<Task<PromptFile>>(() => CreateAsync(k, text, slow)));
        return prompt.Value.WaitAsync(ct);
    }

    private async Task<PromptFile> CreateAsync(string key, string text, bool slow)
    {
        try
        {
            var audio = await speech.SynthesizeAsync(text, slow, CancellationToken.None);
            var (samples, rate) = Wav.Read(audio.Wav);
            var line = Wav.ToLineRate(samples, rate);
            var padded = new short[line.Length + (int)(Padding.TotalSeconds * Wav.LineRate)];
            line.CopyTo(padded, 0);
            var name = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..24];
            var path = System.IO.Path.Combine(folder, $"prompt-{name}.wav");
            await File.WriteAllBytesAsync(path + ".tmp", Wav.Write(padded));
            File.Move(path + ".tmp", path, overwrite: true);
            return new PromptFile(path, TimeSpan.FromSeconds(line.Length / (double)Wav.LineRate));
        }
        catch
        {
            prompts.TryRemove(key, out _);
            throw;
        }
    }

    /// Five minutes of silence: what a line plays while it listens.
    private static string WriteSilence(string folder)
    {
        Directory.CreateDirectory(folder);
        var path = System.IO.Path.Combine(folder, "silence.wav");
        if (!File.Exists(path))
        {
            File.WriteAllBytes(path + ".tmp", Wav.Write(new short[Wav.LineRate * 300]));
            File.Move(path + ".tmp", path, overwrite: true);
        }
        return path;
    }
}
