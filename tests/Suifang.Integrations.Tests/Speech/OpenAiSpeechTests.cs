using Suifang.Integrations.Speech;
using Suifang.Integrations.Speech.OpenAi;

namespace Suifang.Integrations.Tests.Speech;

/// OpenAI-compatible /v1/audio/speech and /v1/audio/transcriptions, as self-hosted Chinese speech servers expose them.
public sealed class OpenAiSpeechTests : IAsyncLifetime
{
    private FakeOpenAiServer _server = null!;
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };

    public async Task InitializeAsync() => _server = await FakeOpenAiServer.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private OpenAiSpeechOptions Options(string? key = FakeOpenAiServer.Key, int timeoutSeconds = 5) =>
        new() { BaseUrl = _server.BaseUrl, ApiKey = key, TimeoutSeconds = timeoutSeconds, TtsModel = "cosyvoice", Voice = "中文女", AsrModel = "sensevoice" };

    private OpenAiTextToSpeech Tts(OpenAiSpeechOptions o) => new(new OpenAiSpeechHttp(_http, o), o);
    private OpenAiSpeechToText Asr(OpenAiSpeechOptions o) => new(new OpenAiSpeechHttp(_http, o), o);

    [Fact]
    public async Task Speech_is_requested_as_wav_and_converted_from_24_khz_to_8_khz_telephone_audio()
    {
        var audio = await Tts(Options()).SynthesizeAsync("请问您伤口还疼吗？", slow: false, CancellationToken.None);

        Assert.Equal(8000, audio.SampleRate);
        Assert.Equal(0.5, audio.Duration.TotalSeconds, 2);
        Assert.InRange(Tones.Frequency(audio.Wav), 430, 450);
        var request = Assert.Single(_server.JsonRequests);
        Assert.Equal("cosyvoice", request.GetProperty("model").GetString());
        Assert.Equal("请问您伤口还疼吗？", request.GetProperty("input").GetString());
        Assert.Equal("中文女", request.GetProperty("voice").GetString());
        Assert.Equal("wav", request.GetProperty("response_format").GetString());
        Assert.Equal(1.0, request.GetProperty("speed").GetDouble());
    }

    [Fact]
    public async Task A_repeat_asks_for_slower_speech()
    {
        await Tts(Options()).SynthesizeAsync("请问您伤口还疼吗？", slow: true, CancellationToken.None);

        Assert.Equal(0.8, _server.JsonRequests[0].GetProperty("speed").GetDouble());
    }

    [Fact]
    public async Task Stereo_16_khz_speech_is_mixed_down_to_mono()
    {
        _server.SpeechWav = Tones.Wav(0.25, 16000, 500, channels: 2);

        var audio = await Tts(Options()).SynthesizeAsync("好的", false, CancellationToken.None);

        Assert.Equal(0.25, audio.Duration.TotalSeconds, 2);
        Assert.Equal(1, BitConverter.ToInt16(audio.Wav, 22));
        Assert.InRange(Tones.Frequency(audio.Wav), 490, 510);
    }

    [Fact]
    public async Task Transcription_uploads_the_wav_as_multipart_with_model_and_language()
    {
        var audio = TelephoneWav.FromPcm(Tones.Pcm(0.3, 8000, 300));

        var result = await Asr(Options()).TranscribeAsync(audio, CancellationToken.None);

        Assert.Equal("伤口不红了", result.Text);
        Assert.Equal(audio.Wav, _server.UploadedFile);
        Assert.Equal("sensevoice", _server.FormFields["model"]);
        Assert.Equal("zh", _server.FormFields["language"]);
        Assert.Equal("json", _server.FormFields["response_format"]);
    }

    [Fact]
    public async Task A_wrong_key_gives_a_chinese_message_about_the_api_key()
    {
        var tts = await Assert.ThrowsAsync<SpeechProviderException>(() => Tts(Options("sk-wrong")).SynthesizeAsync("您好", false, CancellationToken.None));
        var asr = await Assert.ThrowsAsync<SpeechProviderException>(() =>
            Asr(Options(key: null)).TranscribeAsync(TelephoneWav.FromPcm(new byte[320]), CancellationToken.None));

        Assert.Contains("HTTP 401", tts.Message);
        Assert.Contains("Speech:OpenAi:ApiKey", tts.Message);
        Assert.Contains("语音识别服务拒绝了访问密钥", asr.Message);
    }

    [Fact]
    public async Task A_server_that_does_not_answer_in_time_gives_a_chinese_timeout_message()
    {
        _server.Stall = TimeSpan.FromSeconds(3);

        var e = await Assert.ThrowsAsync<SpeechProviderException>(() =>
            Tts(Options(timeoutSeconds: 1)).SynthesizeAsync("您好", false, CancellationToken.None));

        Assert.Contains("1 秒内没有响应", e.Message);
    }

    [Fact]
    public async Task A_server_that_is_not_running_gives_a_chinese_connection_message()
    {
        var o = Options();
        o.BaseUrl = "http://127.0.0.1:9/v1";

        var e = await Assert.ThrowsAsync<SpeechProviderException>(() => Tts(o).SynthesizeAsync("您好", false, CancellationToken.None));

        Assert.Contains("连不上语音合成服务", e.Message);
    }
}
