using Suifang.Agent.Telephony;
using Suifang.Integrations.Telephony.Sip;
using Suifang.Integrations.Telephony.Sip.Audio;

namespace Suifang.Integrations.Tests.Telephony.Sip;

/// The audio analysis behind unreached reasons (5.3.6) and end of speech, on synthetic 8 kHz audio.
public sealed class AudioAnalysisTests
{
    [Fact]
    public void Special_information_tones_are_found_before_an_announcement()
    {
        var audio = Tones.Concat(Tones.Silence(0.5), Tones.Sit(), Tones.Sine(300, 1.0), Tones.Sine(620, 0.5));
        Assert.Equal(EarlyMediaTone.SpecialInformation, ToneDetector.Classify(audio));
    }

    [Fact]
    public void Vacant_code_tones_are_told_apart_by_their_high_first_tone()
    {
        Assert.Equal(EarlyMediaTone.SpecialInformationVacant, ToneDetector.Classify(Tones.Sit(vacant: true)));
    }

    [Fact]
    public void Tones_out_of_order_are_not_special_information()
    {
        var audio = Tones.Concat(Tones.Sine(1776.7, 0.38), Tones.Sine(1370.6, 0.276), Tones.Sine(913.8, 0.276));
        Assert.Equal(EarlyMediaTone.None, ToneDetector.Classify(audio));
    }

    [Fact]
    public void Chinas_450_hz_busy_and_congestion_cadences_are_recognised()
    {
        Assert.Equal(EarlyMediaTone.Busy, ToneDetector.Classify(Tones.Cadence(0.35, 0.35, 4)));
        Assert.Equal(EarlyMediaTone.Congestion, ToneDetector.Classify(Tones.Cadence(0.7, 0.7, 3)));
    }

    [Fact]
    public void Ringback_one_second_on_four_off_is_neither_busy_nor_congestion()
    {
        Assert.Equal(EarlyMediaTone.None, ToneDetector.Classify(Tones.Cadence(1.0, 4.0, 2)));
    }

    [Theory]
    [InlineData("480 Temporarily Unavailable", "SpecialInformation", NotReachedReason.PoweredOff)]
    [InlineData("404 Not Found", "SpecialInformation", NotReachedReason.InvalidNumber)]
    [InlineData("480 Temporarily Unavailable", "SpecialInformationVacant", NotReachedReason.InvalidNumber)]
    [InlineData("480 Temporarily Unavailable", "Busy", NotReachedReason.Busy)]
    [InlineData("408 Request Timeout", "None", NotReachedReason.NoAnswer)]
    [InlineData("503 Service Unavailable", "None", NotReachedReason.NetworkError)]
    [InlineData("480 Temporarily Unavailable", "Congestion", NotReachedReason.NetworkError)]
    public void The_early_media_tone_refines_the_sip_code(string status, string tone, NotReachedReason expected)
    {
        Assert.Equal(expected, UnreachedClassifier.Classify(status, Enum.Parse<EarlyMediaTone>(tone), ringTimedOut: false, provisional: true).NotReached);
    }

    [Fact]
    public void A_ring_timeout_without_any_provisional_response_is_a_network_error()
    {
        Assert.Equal(NotReachedReason.NetworkError, UnreachedClassifier.Classify(null, EarlyMediaTone.None, true, provisional: false).NotReached);
        Assert.Equal(NotReachedReason.NoAnswer, UnreachedClassifier.Classify(null, EarlyMediaTone.None, true, provisional: true).NotReached);
    }

    [Fact]
    public void End_of_speech_is_found_after_the_configured_silence()
    {
        var endpointer = new SpeechEndpointer(TimeSpan.FromMilliseconds(600), TimeSpan.FromSeconds(30));
        Assert.Null(endpointer.Push(Tones.Silence(1.0)));
        Assert.Null(endpointer.Push(Tones.Sine(220, 1.2, 3000)));
        Assert.True(endpointer.InSpeech);
        Assert.Null(endpointer.Push(Tones.Silence(0.5)));

        var utterance = endpointer.Push(Tones.Silence(0.2));

        Assert.NotNull(utterance);
        Assert.InRange(utterance.Length / 8000.0, 1.2 + 0.6, 1.2 + 0.6 + 0.2 + 0.02);
    }

    [Fact]
    public void A_click_shorter_than_80_ms_is_not_speech()
    {
        var endpointer = new SpeechEndpointer(TimeSpan.FromMilliseconds(600), TimeSpan.FromSeconds(30));
        Assert.Null(endpointer.Push(Tones.Concat(Tones.Silence(0.5), Tones.Sine(1000, 0.04, 8000), Tones.Silence(2))));
        Assert.False(endpointer.InSpeech);
    }

    [Fact]
    public void Stereo_recording_keeps_each_side_in_its_own_channel()
    {
        var wav = Wav.WriteStereo([1, 2, 3], [7]);
        var (rate, channels, offset, length) = Wav.ParseHeader(wav);
        Assert.Equal((8000, 2, 12), (rate, channels, length));
        Assert.Equal([1, 7, 2, 0, 3, 0], Enumerable.Range(0, 6).Select(i => BitConverter.ToInt16(wav, offset + 2 * i)));
    }
}
