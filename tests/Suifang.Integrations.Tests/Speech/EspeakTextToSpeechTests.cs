using System.Buffers.Binary;
using Suifang.Integrations.Speech;
using Suifang.Integrations.Speech.Espeak;

namespace Suifang.Integrations.Tests.Speech;

/// The offline default TTS with the real espeak-ng and sox (Debian packages, installed by test.sh and .ci/run).
public sealed class EspeakTextToSpeechTests
{
    private const string Prompt = "您好，我是市人民医院的智能随访助手，想了解一下您出院后的恢复情况。";

    [Fact]
    public async Task Mandarin_is_spoken_as_8_khz_mono_16_bit_telephone_wav()
    {
        var audio = await new EspeakTextToSpeech(new EspeakOptions()).SynthesizeAsync(Prompt, slow: false, CancellationToken.None);

        var (rate, channels, pcm) = TelephoneWav.Read(audio.Wav);
        Assert.Equal(8000, rate);
        Assert.Equal(1, channels);
        Assert.Equal(16, BinaryPrimitives.ReadInt16LittleEndian(audio.Wav.AsSpan(34)));
        Assert.Equal(pcm.Length / 2.0 / 8000, audio.Duration.TotalSeconds, 3);
        Assert.InRange(audio.Duration.TotalSeconds, 3, 20);
        Assert.True(Rms(pcm.Span) > 500, "the audio should not be silence");
    }

    [Fact]
    public async Task A_repeat_is_spoken_noticeably_slower()
    {
        var tts = new EspeakTextToSpeech(new EspeakOptions());

        var normal = await tts.SynthesizeAsync(Prompt, slow: false, CancellationToken.None);
        var slow = await tts.SynthesizeAsync(Prompt, slow: true, CancellationToken.None);

        Assert.True(slow.Duration > normal.Duration * 1.15, $"slow {slow.Duration} vs normal {normal.Duration}");
    }

    [Fact]
    public async Task Text_that_looks_like_options_is_spoken_not_taken_as_a_command_line()
    {
        var audio = await new EspeakTextToSpeech(new EspeakOptions()).SynthesizeAsync("--help -w /tmp/x.wav \"引号\" 好", false, CancellationToken.None);

        Assert.True(audio.Duration > TimeSpan.FromSeconds(0.5));
    }

    [Fact]
    public async Task Without_espeak_installed_the_error_says_which_package_to_install()
    {
        var tts = new EspeakTextToSpeech(new EspeakOptions { Executable = "/nonexistent/espeak-ng" });

        var e = await Assert.ThrowsAsync<SpeechProviderException>(() => tts.SynthesizeAsync("您好", false, CancellationToken.None));

        Assert.Contains("apt-get install espeak-ng sox", e.Message);
    }

    [Fact]
    public async Task An_unknown_voice_fails_with_a_chinese_hint_to_list_voices()
    {
        var tts = new EspeakTextToSpeech(new EspeakOptions { Voice = "no-such-voice" });

        var e = await Assert.ThrowsAsync<SpeechProviderException>(() => tts.SynthesizeAsync("您好", false, CancellationToken.None));

        Assert.Contains("espeak-ng --voices=cmn", e.Message);
    }

    private static double Rms(ReadOnlySpan<byte> pcm)
    {
        double sum = 0;
        for (var i = 0; i + 1 < pcm.Length; i += 2)
        {
            double s = BinaryPrimitives.ReadInt16LittleEndian(pcm[i..]);
            sum += s * s;
        }
        return Math.Sqrt(sum / (pcm.Length / 2));
    }
}
