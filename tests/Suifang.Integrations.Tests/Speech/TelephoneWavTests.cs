using System.Buffers.Binary;
using Suifang.Integrations.Speech;

namespace Suifang.Integrations.Tests.Speech;

public sealed class TelephoneWavTests
{
    [Fact]
    public void Cd_quality_audio_becomes_8_khz_with_its_length_and_pitch_kept()
    {
        var audio = TelephoneWav.ToTelephone(Tones.Wav(1.0, 44100, 1000));

        Assert.Equal(8000, audio.SampleRate);
        Assert.Equal(1.0, audio.Duration.TotalSeconds, 2);
        Assert.InRange(Tones.Frequency(audio.Wav), 990, 1010);
    }

    [Fact]
    public void Tones_above_the_telephone_band_are_filtered_out_not_folded_back()
    {
        var audio = TelephoneWav.ToTelephone(Tones.Wav(0.5, 24000, 7000));

        var (_, _, pcm) = TelephoneWav.Read(audio.Wav);
        var peak = 0;
        for (var i = 200; i < pcm.Length / 2 - 200; i++)
            peak = Math.Max(peak, Math.Abs((int)BinaryPrimitives.ReadInt16LittleEndian(pcm.Span[(i * 2)..])));
        Assert.True(peak < 800, $"a 7 kHz tone should be mostly removed, peak {peak} of 8000");
    }

    [Fact]
    public void A_streamed_wav_with_a_placeholder_size_is_read_to_its_end()
    {
        var wav = TelephoneWav.FromPcm(Tones.Pcm(0.2, 8000, 400)).Wav;
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(40), 0x7ffff000);

        var (_, _, pcm) = TelephoneWav.Read(wav);

        Assert.Equal(3200, pcm.Length);
    }

    [Fact]
    public void Something_that_is_not_a_wav_gives_a_chinese_error()
    {
        var e = Assert.Throws<SpeechProviderException>(() => TelephoneWav.Read("ID3 mp3 data"u8.ToArray()));

        Assert.Contains("wav", e.Message);
    }
}
