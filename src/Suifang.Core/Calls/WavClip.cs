using System.Buffers.Binary;

namespace Suifang.Core.Calls;

/// Cuts the moment [startMs, endMs) out of a PCM WAV recording, as a WAV of its own, for a to-do's evidence (the audio
/// clip of the turn that fired it). Returns null when the file is not a PCM WAV this can read.
public static class WavClip
{
    /// Played before and after the turn, so the first and last word are not cut.
    public const int MarginMs = 500;

    public static byte[]? Cut(byte[] wav, int startMs, int endMs)
    {
        if (WavChunks.Read(wav) is not { Format: 1, FmtAt: >= 0, DataAt: >= 0, Rate: > 0, BlockAlign: > 0 } w)
            return null; // only PCM
        var (rate, blockAlign, fmtAt, fmtSize, dataAt, dataSize) = (w.Rate, w.BlockAlign, w.FmtAt, w.FmtSize, w.DataAt, w.DataSize);
        var from = Frame(Math.Max(0, startMs - MarginMs), rate, blockAlign, dataSize);
        var to = Frame(Math.Max(startMs, endMs) + MarginMs, rate, blockAlign, dataSize);
        var length = to - from;
        var clip = new byte[12 + 8 + fmtSize + 8 + length];
        "RIFF"u8.CopyTo(clip);
        BinaryPrimitives.WriteInt32LittleEndian(clip.AsSpan(4), clip.Length - 8);
        "WAVE"u8.CopyTo(clip.AsSpan(8));
        "fmt "u8.CopyTo(clip.AsSpan(12));
        BinaryPrimitives.WriteInt32LittleEndian(clip.AsSpan(16), fmtSize);
        wav.AsSpan(fmtAt, fmtSize).CopyTo(clip.AsSpan(20));
        var dataHeader = 20 + fmtSize;
        "data"u8.CopyTo(clip.AsSpan(dataHeader));
        BinaryPrimitives.WriteInt32LittleEndian(clip.AsSpan(dataHeader + 4), length);
        wav.AsSpan(dataAt + from, length).CopyTo(clip.AsSpan(dataHeader + 8));
        return clip;
    }

    private static int Frame(long ms, int rate, int blockAlign, int dataSize)
    {
        var bytes = ms * rate / 1000 * blockAlign;
        var aligned = Math.Min(bytes, dataSize - dataSize % blockAlign);
        return (int)Math.Max(0, aligned);
    }
}
