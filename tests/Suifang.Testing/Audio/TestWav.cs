using System.Buffers.Binary;

namespace Suifang.Testing.Audio;

/// WAV files for tests in the telephone's format: 16-bit mono PCM at 8 kHz.
public static class TestWav
{
    public const int Rate = 8000;

    /// The samples (16-bit little-endian PCM) in a WAV; with listChunk a LIST chunk sits between "fmt " and "data", and
    /// dataSizeField replaces the data chunk's size (e.g. a streamed recording's placeholder).
    public static byte[] Of(ReadOnlySpan<byte> pcm, bool listChunk = false, int? dataSizeField = null)
    {
        var list = listChunk ? 8 + 4 : 0;
        var wav = new byte[12 + 24 + list + 8 + pcm.Length];
        "RIFF"u8.CopyTo(wav);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(4), wav.Length - 8);
        "WAVEfmt "u8.CopyTo(wav.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(22), 1);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(24), Rate);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(28), Rate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(32), 2);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(34), 16);
        var at = 36;
        if (listChunk)
        {
            "LIST"u8.CopyTo(wav.AsSpan(at));
            BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(at + 4), 4);
            at += 12;
        }
        "data"u8.CopyTo(wav.AsSpan(at));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(at + 4), dataSizeField ?? pcm.Length);
        pcm.CopyTo(wav.AsSpan(at + 8));
        return wav;
    }

    /// Seconds of silence.
    public static byte[] Silence(int seconds) => Of(new byte[Rate * 2 * seconds]);
}
