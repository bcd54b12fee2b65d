using System.Buffers.Binary;

namespace Suifang.Core.Calls;

/// Where the format and the samples are in a RIFF/WAVE file. <paramref name="FmtAt"/> and <paramref name="DataAt"/> are
/// the offsets of the chunks' contents (-1 when the chunk is missing); <paramref name="Format"/> is 1 for PCM and -2 for
/// WAVE_FORMAT_EXTENSIBLE (0xFFFE read as a signed 16-bit number).
public sealed record WavLayout(int Format, int Channels, int Rate, int BlockAlign, int Bits, int FmtAt, int FmtSize, int DataAt, int DataSize);

/// The one WAV chunk reader of the product: the to-do evidence clips (WavClip) and the speech services' audio
/// (Integrations' TelephoneWav) read recordings the same way. Streamed WAVs carry a placeholder data size (-1 or more
/// than the file): what is there is what counts.
public static class WavChunks
{
    /// The layout of a RIFF/WAVE file, or null when the bytes are not one.
    public static WavLayout? Read(byte[] wav)
    {
        if (wav.Length < 12 || !wav.AsSpan(0, 4).SequenceEqual("RIFF"u8) || !wav.AsSpan(8, 4).SequenceEqual("WAVE"u8))
            return null;
        int format = 0, channels = 0, rate = 0, blockAlign = 0, bits = 0, fmtAt = -1, fmtSize = 0;
        for (var at = 12; at + 8 <= wav.Length;)
        {
            var id = wav.AsSpan(at, 4);
            var size = BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(at + 4));
            if (id.SequenceEqual("fmt "u8) && size >= 16 && at + 8 + 16 <= wav.Length)
            {
                format = BinaryPrimitives.ReadInt16LittleEndian(wav.AsSpan(at + 8));
                channels = BinaryPrimitives.ReadInt16LittleEndian(wav.AsSpan(at + 10));
                rate = BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(at + 12));
                blockAlign = BinaryPrimitives.ReadInt16LittleEndian(wav.AsSpan(at + 20));
                bits = BinaryPrimitives.ReadInt16LittleEndian(wav.AsSpan(at + 22));
                (fmtAt, fmtSize) = (at + 8, size);
            }
            else if (id.SequenceEqual("data"u8))
            {
                var length = size < 0 || (long)at + 8 + size > wav.Length ? wav.Length - at - 8 : size;
                return new WavLayout(format, channels, rate, blockAlign, bits, fmtAt, fmtSize, at + 8, length);
            }
            var next = (long)at + 8 + Math.Max(size, 0) + (size & 1);   // a huge size must not wrap around
            if (next > wav.Length)
                break;
            at = (int)next;
        }
        return new WavLayout(format, channels, rate, blockAlign, bits, fmtAt, fmtSize, -1, 0);
    }
}
