using Suifang.Core.Calls;
using Suifang.Testing.Audio;

namespace Suifang.Core.Tests.Calls;

/// The one WAV chunk reader shared by the evidence clips (WavClip) and the speech services (TelephoneWav).
public sealed class WavChunksTests
{
    private static byte[] Wav(int dataSizeField, int samples, bool listChunk = false) =>
        TestWav.Of(new byte[samples * 2], listChunk, dataSizeField);

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
