using Suifang.Agent.Telephony;

namespace Suifang.Integrations.Tests.Telephony.Sip;

/// Unanswered calls through a SIPp fake carrier on 127.0.0.1, classified as standard 5.3.6 asks (关机/停机, 空号,
/// 无人接听, 忙) from the final SIP response and from the early media's tones.
public sealed class SipUnreachedTests
{
    [Theory]
    [InlineData("486 Busy Here", NotReachedReason.Busy)]
    [InlineData("404 Not Found", NotReachedReason.InvalidNumber)]
    [InlineData("603 Decline", NotReachedReason.Rejected)]
    [InlineData("480 Temporarily Unavailable", NotReachedReason.NoAnswer)]
    public async Task Final_sip_response_gives_the_unreached_reason_5_3_6(string status, NotReachedReason expected)
    {
        await using var world = await SipWorld.WithCarrierAsync(_ => Task.FromResult(CarrierScenarios.RingThen(status)));

        var result = await world.DialAsync("attempt-" + status[..3]);

        Assert.Null(result.Call);
        Assert.Equal(expected, result.NotReached);
        Assert.Contains(status, result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Special_information_tones_and_announcement_before_480_mean_powered_off_and_are_recorded()
    {
        await using var world = await SipWorld.WithCarrierAsync(async w => CarrierScenarios.EarlyMediaThen(await EarlyMediaAsync(w, Tones.Sit()), 3500, "480 Temporarily Unavailable"));

        var result = await world.DialAsync("attempt-off");

        Assert.Equal(NotReachedReason.PoweredOff, result.NotReached);
        Assert.Contains("特殊信息音", result.Detail, StringComparison.Ordinal);
        Assert.Equal("attempt-off.wav", Path.GetFileName(result.RecordingPath));
        Assert.True(File.Exists(result.RecordingPath));
    }

    [Fact]
    public async Task Vacant_code_tones_before_404_mean_an_invalid_number()
    {
        await using var world = await SipWorld.WithCarrierAsync(async w => CarrierScenarios.EarlyMediaThen(await EarlyMediaAsync(w, Tones.Sit(vacant: true)), 3500, "404 Not Found"));

        var result = await world.DialAsync("attempt-vacant");

        Assert.Equal(NotReachedReason.InvalidNumber, result.NotReached);
    }

    [Fact]
    public async Task Busy_tone_in_early_media_means_busy_even_when_the_carrier_ends_with_480()
    {
        await using var world = await SipWorld.WithCarrierAsync(async w => CarrierScenarios.EarlyMediaThen(
            await Tones.ToUlawFileAsync(Tones.Cadence(0.35, 0.35, 4), Path.Combine(w.Folder, "busy.ul")), 3200, "480 Temporarily Unavailable"));

        var result = await world.DialAsync("attempt-busy-tone");

        Assert.Equal(NotReachedReason.Busy, result.NotReached);
    }

    [Fact]
    public async Task A_number_that_rings_past_the_ring_timeout_is_no_answer()
    {
        await using var world = await SipWorld.WithCarrierAsync(_ => Task.FromResult(CarrierScenarios.RingForever()));

        var result = await world.DialAsync("attempt-ring", TimeSpan.FromSeconds(2));

        Assert.Equal(NotReachedReason.NoAnswer, result.NotReached);
        Assert.Contains("振铃超时", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_carrier_that_never_responds_is_a_network_error_after_the_lines_own_timeout()
    {
        await using var world = SipWorld.WithNobody();

        var result = await world.DialAsync("attempt-dead", TimeSpan.FromSeconds(1.5));

        Assert.Equal(NotReachedReason.NetworkError, result.NotReached);
        Assert.Contains("运营商无应答", result.Detail, StringComparison.Ordinal);
    }

    private static async Task<string> EarlyMediaAsync(SipWorld world, short[] tones)
    {
        var announcement = Path.Combine(world.Folder, "announcement.wav");
        await EspeakSpeech.ToWavFileAsync("您拨打的电话已关机", false, announcement, CancellationToken.None);
        var samples = Tones.Concat(tones, Suifang.Integrations.Telephony.Sip.Audio.Wav.ReadFile(announcement).Samples);
        return await Tones.ToUlawFileAsync(samples, Path.Combine(world.Folder, "early.ul"));
    }
}
