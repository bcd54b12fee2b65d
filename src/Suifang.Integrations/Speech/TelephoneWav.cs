using System.Buffers.Binary;
using Suifang.Agent.Speech;
using Suifang.Core.Calls;

namespace Suifang.Integrations.Speech;

/// 16-bit PCM WAV files: writes the header, reads the samples, and converts any rate or channel count to the
/// telephone's 8 kHz mono.
internal static class TelephoneWav
{
    public const int Rate = 8000;

    public static SpeechAudio FromPcm(ReadOnlySpan<byte> pcm, int rate = Rate)
    {
        var wav = new byte[44 + pcm.Length];
        "RIFF"u8.CopyTo(wav);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(4), 36 + pcm.Length);
        "WAVEfmt "u8.CopyTo(wav.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(22), 1);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(24), rate);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(28), rate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(32), 2);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(34), 16);
        "data"u8.CopyTo(wav.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(40), pcm.Length);
        pcm.CopyTo(wav.AsSpan(44));
        return new SpeechAudio(wav, rate, TimeSpan.FromSeconds(pcm.Length / 2.0 / rate));
    }

    /// The format and the samples of a 16-bit PCM WAV file; throws a Chinese SpeechProviderException otherwise.
    public static (int Rate, int Channels, ReadOnlyMemory<byte> Pcm) Read(byte[] wav)
    {
        if (WavChunks.Read(wav) is not { } w)
            throw new SpeechProviderException("语音服务返回的不是 WAV 音频，请把服务的输出格式设为 wav（16 位 PCM）。");
        if (w.DataAt < 0)
            throw new SpeechProviderException("WAV 音频没有数据块，文件可能不完整。");
        if (w.Format is not (1 or -2) || w.Bits != 16 || w.Channels < 1 || w.Rate < 1000)
            throw new SpeechProviderException($"音频格式不受支持（格式 {w.Format}，{w.Bits} 位，{w.Channels} 声道）：需要 16 位 PCM WAV。");
        return (w.Rate, w.Channels, wav.AsMemory(w.DataAt, w.DataSize & ~1));
    }

    /// Any 16-bit PCM WAV as 8 kHz mono: channels averaged, rate changed with a windowed-sinc low-pass filter.
    public static SpeechAudio ToTelephone(byte[] wav)
    {
        var (rate, channels, pcm) = Read(wav);
        if (rate == Rate && channels == 1)
            return FromPcm(pcm.Span);
        var mono = Mono(pcm.Span, channels);
        return FromPcm(Resample(mono, rate, Rate));
    }

    private static float[] Mono(ReadOnlySpan<byte> pcm, int channels)
    {
        var frames = pcm.Length / 2 / channels;
        var mono = new float[frames];
        for (var i = 0; i < frames; i++)
        {
            float sum = 0;
            for (var c = 0; c < channels; c++)
                sum += BinaryPrimitives.ReadInt16LittleEndian(pcm[(((i * channels) + c) * 2)..]);
            mono[i] = sum / channels;
        }
        return mono;
    }

    private static byte[] Resample(float[] input, int from, int to)
    {
        const int halfTaps = 16;
        var ratio = (double)from / to;
        var cutoff = Math.Min(1.0, 1.0 / ratio) * 0.95;
        var output = new byte[(int)(input.Length / ratio) * 2];
        for (var i = 0; i < output.Length / 2; i++)
        {
            var centre = i * ratio;
            var first = (int)Math.Floor(centre) - (int)Math.Ceiling(halfTaps * ratio) + 1;
            var last = (int)Math.Floor(centre) + (int)Math.Ceiling(halfTaps * ratio);
            double sum = 0;
            for (var j = Math.Max(first, 0); j <= Math.Min(last, input.Length - 1); j++)
            {
                var x = (centre - j) * cutoff;
                var window = 0.5 + 0.5 * Math.Cos(Math.PI * (centre - j) / (halfTaps * ratio + 1));
                sum += input[j] * cutoff * Sinc(x) * window;
            }
            BinaryPrimitives.WriteInt16LittleEndian(output.AsSpan(i * 2), (short)Math.Clamp(Math.Round(sum), short.MinValue, short.MaxValue));
        }
        return output;
    }

    private static double Sinc(double x) => x == 0 ? 1 : Math.Sin(Math.PI * x) / (Math.PI * x);
}
