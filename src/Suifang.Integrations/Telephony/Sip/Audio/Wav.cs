using System.Buffers.Binary;

namespace Suifang.Integrations.Telephony.Sip.Audio;

/// 16-bit PCM WAV as the line carries it (8 kHz mono for PCMU), read and written without a library.
internal static class Wav
{
    public const int LineRate = 8000;

    /// The samples of a 16-bit PCM WAV (first channel), its sample rate and where the data starts. A file still being
    /// written (its header sizes not yet final) is read up to its current end.
    public static (short[] Samples, int Rate) Read(byte[] wav)
    {
        var (rate, channels, dataOffset, dataLength) = ParseHeader(wav);
        var available = Math.Min(dataLength, wav.Length - dataOffset);
        var frames = available / (2 * channels);
        var samples = new short[frames];
        for (var i = 0; i < frames; i++)
            samples[i] = BinaryPrimitives.ReadInt16LittleEndian(wav.AsSpan(dataOffset + i * 2 * channels));
        return (samples, rate);
    }

    public static (short[] Samples, int Rate) ReadFile(string path) => Read(ReadShared(path));

    /// Reads a file another process may still be writing.
    public static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    /// Where the PCM data starts in a WAV header (44 for plain files; libsndfile may add chunks).
    public static (int Rate, int Channels, int DataOffset, int DataLength) ParseHeader(ReadOnlySpan<byte> wav)
    {
        if (wav.Length < 12 || !wav[..4].SequenceEqual("RIFF"u8) || !wav[8..12].SequenceEqual("WAVE"u8))
            throw new InvalidDataException("不是 WAV 文件（缺少 RIFF/WAVE 头）。");
        int rate = 0, channels = 0, bits = 0, position = 12;
        while (position + 8 <= wav.Length)
        {
            var id = wav.Slice(position, 4);
            var size = BinaryPrimitives.ReadInt32LittleEndian(wav[(position + 4)..]);
            if (id.SequenceEqual("fmt "u8))
            {
                channels = BinaryPrimitives.ReadInt16LittleEndian(wav[(position + 10)..]);
                rate = BinaryPrimitives.ReadInt32LittleEndian(wav[(position + 12)..]);
                bits = BinaryPrimitives.ReadInt16LittleEndian(wav[(position + 22)..]);
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (bits != 16 || channels < 1)
                    throw new InvalidDataException($"只支持 16 位 PCM WAV（此文件 {bits} 位，{channels} 声道）。");
                var length = size <= 0 || size > wav.Length ? int.MaxValue : size;
                return (rate, channels, position + 8, length);
            }
            position += 8 + size + (size & 1);
        }
        throw new InvalidDataException("WAV 文件没有 data 段。");
    }

    public static byte[] Write(ReadOnlySpan<short> samples, int rate = LineRate) => WriteInterleaved(samples, rate, 1);

    /// Two channels (left, right) of equal or different length; the shorter one is padded with silence.
    public static byte[] WriteStereo(ReadOnlySpan<short> left, ReadOnlySpan<short> right, int rate = LineRate)
    {
        var frames = Math.Max(left.Length, right.Length);
        var interleaved = new short[frames * 2];
        for (var i = 0; i < frames; i++)
        {
            interleaved[2 * i] = i < left.Length ? left[i] : (short)0;
            interleaved[2 * i + 1] = i < right.Length ? right[i] : (short)0;
        }
        return WriteInterleaved(interleaved, rate, 2);
    }

    private static byte[] WriteInterleaved(ReadOnlySpan<short> samples, int rate, int channels)
    {
        var bytes = new byte[44 + samples.Length * 2];
        var span = bytes.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], 36 + samples.Length * 2);
        "WAVEfmt "u8.CopyTo(span[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(span[20..], 1);
        BinaryPrimitives.WriteInt16LittleEndian(span[22..], (short)channels);
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], rate);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], rate * 2 * channels);
        BinaryPrimitives.WriteInt16LittleEndian(span[32..], (short)(2 * channels));
        BinaryPrimitives.WriteInt16LittleEndian(span[34..], 16);
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[40..], samples.Length * 2);
        for (var i = 0; i < samples.Length; i++)
            BinaryPrimitives.WriteInt16LittleEndian(span[(44 + i * 2)..], samples[i]);
        return bytes;
    }

    /// Linear-interpolation resampling to the line rate (TTS engines often give 16/22.05/24 kHz).
    public static short[] ToLineRate(short[] samples, int rate)
    {
        if (rate == LineRate)
            return samples;
        var length = (int)((long)samples.Length * LineRate / rate);
        var result = new short[length];
        var step = (double)rate / LineRate;
        for (var i = 0; i < length; i++)
        {
            var position = i * step;
            var index = (int)position;
            var next = Math.Min(index + 1, samples.Length - 1);
            var fraction = position - index;
            result[i] = (short)Math.Round(samples[index] * (1 - fraction) + samples[next] * fraction);
        }
        return result;
    }
}
