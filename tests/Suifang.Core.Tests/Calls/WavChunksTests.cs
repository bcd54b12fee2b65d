using System.Buffers.Binary;
using Suifang.Core.Calls;

namespace Suifang.Core.Tests.Calls;

/// The one WAV chunk reader shared by the evidence clips (WavClip) and the speech services (TelephoneWav).
public sealed class WavChunksTests
{
    private static byte[] Wav(int dataSizeField, int samples, bool listChunk = false)
    {
        var list = listChunk ? 8 + 4 : 0;
        var wav = new byte[12 + 24 + list + 8 + samples * 2];
        "RIFF"u8.CopyTo(wav);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(4), wav.Length - 8);
        "WAVEfmt "u8.CopyTo(wav.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(22), 1);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(24), 8000);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(28), 16000);
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
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(at + 4), dataSizeField);
        return wav;
    }

    [Fact]
    public void The_format_and_the_data_are_found_past_other_chunks()
    {
        var w = WavChunks.Read(Wav(200, 100, listChunk: true))!;
        Assert.Equal((1, 1, 8000, 2, 16, 20, 16), (w.Format, w.Channels, w.Rate, w.BlockAlign, w.Bits, w.FmtAt, w.FmtSize));
        Assert.Equal((56, 200), (w.DataAt, w.DataSize));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public void A_streamed_wav_with_a_placeholder_data_size_is_read_to_its_end(int placeholder) =>
        Assert.Equal(100 * 2, WavChunks.Read(Wav(placeholder, 100))!.DataSize);

    [Fact]
    public void Bytes_that_are_not_a_wav_give_no_layout_and_a_wav_without_data_says_so()
    {
        Assert.Null(WavChunks.Read("not a wav file"u8.ToArray()));
        var noData = Wav(0, 0)[..36];
        Assert.Equal(-1, WavChunks.Read(noData)!.DataAt);
    }
}
