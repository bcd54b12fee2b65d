using Suifang.Integrations.Speech;
using Suifang.Integrations.Speech.Iflytek;

namespace Suifang.Integrations.Tests.Speech;

/// iFlytek online TTS and dictation against a local server that speaks their WebSocket protocol (5.1.4).
public sealed class IflytekTests : IAsyncLifetime
{
    private FakeIflytekServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeIflytekServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private TimeProvider Clock => new SetClock(_server.Now);

    [Fact]
    public async Task Tts_sends_a_signed_request_with_base64_text_and_joins_the_audio_frames_into_telephone_wav()
    {
        var tts = new IflytekTextToSpeech(_server.Options(), Clock);

        var audio = await tts.SynthesizeAsync("您好，我是医院的智能随访助手。", slow: false, CancellationToken.None);

        Assert.Equal(8000, audio.SampleRate);
        Assert.Equal(0.6, audio.Duration.TotalSeconds, 3);
        Assert.InRange(Tones.Frequency(audio.Wav), 430, 450);
        Assert.Equal("您好，我是医院的智能随访助手。", Assert.Single(_server.Texts));
        var business = Assert.Single(_server.Frames).GetProperty("business");
        Assert.Equal("audio/L16;rate=8000", business.GetProperty("auf").GetString());
        Assert.Equal("raw", business.GetProperty("aue").GetString());
        Assert.Equal("xiaoyan", business.GetProperty("vcn").GetString());
    }

    [Fact]
    public async Task Tts_speaks_slower_for_a_repeat()
    {
        var tts = new IflytekTextToSpeech(_server.Options(), Clock);

        await tts.SynthesizeAsync("请问您还发烧吗？", slow: true, CancellationToken.None);

        Assert.Equal(35, _server.Frames[0].GetProperty("business").GetProperty("speed").GetInt32());
    }

    [Fact]
    public async Task Text_over_iflyteks_8000_byte_limit_is_refused_before_connecting()
    {
        var e = await Assert.ThrowsAsync<SpeechProviderException>(() =>
            new IflytekTextToSpeech(_server.Options(), Clock).SynthesizeAsync(new string('好', 2700), false, CancellationToken.None));

        Assert.Contains("8000 字节", e.Message);
        Assert.Empty(_server.Frames);
    }

    [Fact]
    public async Task A_wrong_api_secret_fails_the_handshake_with_a_chinese_401_message()
    {
        var options = _server.Options();
        options.ApiSecret = "wrong-secret";

        var e = await Assert.ThrowsAsync<SpeechProviderException>(() =>
            new IflytekTextToSpeech(options, Clock).SynthesizeAsync("您好", false, CancellationToken.None));

        Assert.Contains("鉴权失败（401）", e.Message);
        Assert.Contains("ApiSecret", e.Message);
        Assert.Empty(_server.Texts);
    }

    [Fact]
    public async Task A_clock_more_than_five_minutes_off_is_refused_with_403_and_told_to_sync_time()
    {
        var skewed = new SetClock(_server.Now.AddMinutes(-10));

        var e = await Assert.ThrowsAsync<SpeechProviderException>(() =>
            new IflytekSpeechToText(_server.Options(), skewed).TranscribeAsync(TelephoneWav.FromPcm(new byte[640]), CancellationToken.None));

        Assert.Contains("403", e.Message);
        Assert.Contains("校准服务器时钟", e.Message);
    }

    [Fact]
    public async Task An_error_code_in_a_frame_becomes_a_chinese_message_with_the_code_and_session()
    {
        _server.ErrorCode = 11200;

        var e = await Assert.ThrowsAsync<SpeechProviderException>(() =>
            new IflytekTextToSpeech(_server.Options(), Clock).SynthesizeAsync("您好", false, CancellationToken.None));

        Assert.Contains("11200", e.Message);
        Assert.Contains("发音人或服务没有开通", e.Message);
        Assert.Contains("tts00000002", e.Message);
    }

    [Fact]
    public async Task A_server_that_stops_answering_times_out_with_a_chinese_message()
    {
        _server.Stall = TimeSpan.FromSeconds(3);

        var e = await Assert.ThrowsAsync<SpeechProviderException>(() =>
            new IflytekTextToSpeech(_server.Options(timeoutSeconds: 1), Clock).SynthesizeAsync("您好", false, CancellationToken.None));

        Assert.Contains("超时", e.Message);
        Assert.Contains("TimeoutSeconds", e.Message);
    }

    [Fact]
    public async Task Dictation_sends_40_ms_frames_with_status_0_1_2_and_joins_the_results()
    {
        _server.IatResults.AddRange([FakeIflytekServer.Result(1, "没有"), FakeIflytekServer.Result(2, "发烧"), FakeIflytekServer.Result(3, "。")]);
        var audio = TelephoneWav.FromPcm(Tones.Pcm(1.0, 8000, 300));

        var text = await new IflytekSpeechToText(_server.Options(), Clock).TranscribeAsync(audio, CancellationToken.None);

        Assert.Equal("没有发烧。", text.Text);
        Assert.Equal(16000, _server.AudioBytesReceived);
        var first = _server.Frames[0];
        Assert.Equal(0, first.GetProperty("data").GetProperty("status").GetInt32());
        Assert.Equal("audio/L16;rate=8000", first.GetProperty("data").GetProperty("format").GetString());
        Assert.Equal("iat", first.GetProperty("business").GetProperty("domain").GetString());
        Assert.Equal(FakeIflytekServer.AppId, first.GetProperty("common").GetProperty("app_id").GetString());
        Assert.Equal(640, Convert.FromBase64String(first.GetProperty("data").GetProperty("audio").GetString()!).Length);
        Assert.Equal(1, _server.Frames[1].GetProperty("data").GetProperty("status").GetInt32());
        Assert.Equal(2, _server.Frames[^1].GetProperty("data").GetProperty("status").GetInt32());
        Assert.Equal(25 + 1, _server.Frames.Count);
    }

    [Fact]
    public async Task Dictation_with_dynamic_correction_replaces_the_results_in_the_given_range()
    {
        _server.IatResults.AddRange([
            FakeIflytekServer.Result(1, "伤口", "apd"),
            FakeIflytekServer.Result(2, "有点黄", "apd"),
            FakeIflytekServer.Result(3, "有点红", "rpl", [2, 2]),
            FakeIflytekServer.Result(4, "。", "apd"),
        ]);
        var options = _server.Options();
        options.DynamicCorrection = true;

        var text = await new IflytekSpeechToText(options, Clock).TranscribeAsync(TelephoneWav.FromPcm(Tones.Pcm(0.2, 8000, 300)), CancellationToken.None);

        Assert.Equal("伤口有点红。", text.Text);
        Assert.Equal("wpgs", _server.Frames[0].GetProperty("business").GetProperty("dwa").GetString());
    }

    [Fact]
    public void The_signature_is_an_hmac_sha256_over_host_date_and_request_line()
    {
        var url = IflytekSigner.Sign(new Uri("wss://tts-api.xfyun.cn/v2/tts"), "key", "secret",
            new DateTimeOffset(2026, 11, 30, 1, 2, 3, TimeSpan.Zero));

        var query = System.Web.HttpUtility.ParseQueryString(url.Query);
        Assert.Equal("tts-api.xfyun.cn", query["host"]);
        Assert.Equal("Mon, 30 Nov 2026 01:02:03 GMT", query["date"]);
        var authorization = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(query["authorization"]!));
        var expected = Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData("secret"u8,
            "host: tts-api.xfyun.cn\ndate: Mon, 30 Nov 2026 01:02:03 GMT\nGET /v2/tts HTTP/1.1"u8));
        Assert.Equal($"api_key=\"key\", algorithm=\"hmac-sha256\", headers=\"host date request-line\", signature=\"{expected}\"", authorization);
    }
}
