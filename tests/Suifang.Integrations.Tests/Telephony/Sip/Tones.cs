using Suifang.Integrations.Telephony.Sip.Audio;

namespace Suifang.Integrations.Tests.Telephony.Sip;

/// Test audio: tones, silence, loudness.
internal static class Tones
{
    public static short[] Sine(double frequency, double seconds, double amplitude = 8000) =>
        Enumerable.Range(0, (int)(seconds * Wav.LineRate))
            .Select(i => (short)(amplitude * Math.Sin(2 * Math.PI * frequency * i / Wav.LineRate))).ToArray();

    public static short[] Silence(double seconds) => new short[(int)(seconds * Wav.LineRate)];

    public static short[] Concat(params short[][] parts) => parts.SelectMany(p => p).ToArray();

    /// Special-information tones: low first tone 913.8 Hz (intercept) or high 985.2 Hz (vacant code).
    public static short[] Sit(bool vacant = false) => Concat(
        Sine(vacant ? 985.2 : 913.8, vacant ? 0.380 : 0.276), Sine(1370.6, 0.276), Sine(1776.7, 0.380), Silence(0.3));

    /// China's 450 Hz cadence: busy 0.35/0.35, congestion 0.7/0.7.
    public static short[] Cadence(double on, double off, int cycles) =>
        Concat(Enumerable.Range(0, cycles).SelectMany(_ => new[] { Sine(450, on), Silence(off) }).ToArray());

    /// The loudest 0.5 s window's RMS.
    public static double LoudestRms(short[] samples)
    {
        double best = 0;
        for (var start = 0; start + 4000 <= samples.Length; start += 800)
        {
            double sum = 0;
            for (var i = start; i < start + 4000; i++)
                sum += (double)samples[i] * samples[i];
            best = Math.Max(best, Math.Sqrt(sum / 4000));
        }
        return best;
    }

    /// Converts samples to raw µ-law for SIPp's rtp_stream.
    public static async Task<string> ToUlawFileAsync(short[] samples, string path)
    {
        var wav = path + ".wav";
        await File.WriteAllBytesAsync(wav, Wav.Write(samples));
        await EspeakSpeech.RunAsync("sox", [wav, "-t", "ul", path], CancellationToken.None);
        return path;
    }
}
