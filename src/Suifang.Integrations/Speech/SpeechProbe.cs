using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Suifang.Agent.LanguageModel;
using Suifang.Agent.Speech;
using Suifang.Integrations.Llm;
using Suifang.Integrations.Speech.Espeak;
using Suifang.Integrations.Speech.Iflytek;
using Suifang.Integrations.Speech.OpenAi;

namespace Suifang.Integrations.Speech;

/// One provider's state for the settings page and the health check; Detail is Chinese.
internal sealed record ProviderStatus(string Role, string Name, bool Configured, bool Reachable, string Detail);

/// Asks each configured provider whether it answers: espeak-ng speaks one word, iFlytek completes a signed handshake
/// (no audio is sent, nothing is billed), OpenAI-compatible servers answer GET /models with the key.
internal sealed class SpeechProbe(IServiceProvider services, IOptions<SpeechOptions> speech, IOptions<LlmOptions> llm,
    IHttpClientFactory http, TimeProvider time)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    /// How long a result is reused, so frequent /health polls do not start espeak-ng or open a socket each time.
    private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(30);

    private (DateTimeOffset At, IReadOnlyList<ProviderStatus> Statuses)? _last;

    /// The providers' state, at most 30 s old unless <paramref name="recheck"/>.
    public async Task<IReadOnlyList<ProviderStatus>> ProbeAsync(CancellationToken ct, bool recheck = false)
    {
        if (!recheck && _last is { } last && time.GetUtcNow() - last.At < Fresh)
            return last.Statuses;
        var statuses = await ProbeNowAsync(ct);
        _last = (time.GetUtcNow(), statuses);
        return statuses;
    }

    private async Task<IReadOnlyList<ProviderStatus>> ProbeNowAsync(CancellationToken ct)
    {
        var o = speech.Value;
        var tts = services.GetRequiredService<CachingTextToSpeech>();
        var asr = services.GetService<ISpeechToText>();
        var model = services.GetRequiredService<ILanguageModelAssist>();
        return await Task.WhenAll(
            Probe("语音合成", tts.Name, () => o.Tts.Provider switch
            {
                TtsProvider.Iflytek => Handshake(o.Iflytek.TtsUrl, o.Iflytek, "语音合成", ct),
                TtsProvider.OpenAi => Models(o.OpenAi.BaseUrl!, o.OpenAi.ApiKey, "语音合成", ct),
                _ => Speak((EspeakTextToSpeech)tts.Inner, ct),
            }),
            asr is null
                ? Task.FromResult(new ProviderStatus("语音识别", "未配置", false, false, "没有配置语音识别（Speech:Asr:Provider），模拟通话和按键不受影响。"))
                : Probe("语音识别", asr.Name, () => o.Asr.Provider == AsrProvider.Iflytek
                    ? Handshake(o.Iflytek.IatUrl, o.Iflytek, "语音听写", ct)
                    : Models(o.OpenAi.BaseUrl!, o.OpenAi.ApiKey, "语音识别", ct)),
            model.IsAvailable
                ? Probe("大模型", model.Name, () => Models(llm.Value.Endpoint!, llm.Value.ApiKey, "大模型", ct))
                : Task.FromResult(new ProviderStatus("大模型", model.Name, false, false, "没有配置大模型（Llm:Endpoint），理解和摘要只用离线方法，功能不受影响。")));
    }

    private static async Task<ProviderStatus> Probe(string role, string name, Func<Task<string>> check)
    {
        try
        {
            return new ProviderStatus(role, name, true, true, await check());
        }
        catch (SpeechProviderException e)
        {
            return new ProviderStatus(role, name, true, false, e.Message);
        }
    }

    private static async Task<string> Speak(EspeakTextToSpeech espeak, CancellationToken ct)
    {
        var audio = await espeak.SynthesizeAsync("好", false, ct);
        return $"正常：离线合成，{audio.SampleRate} Hz 电话音频。";
    }

    private async Task<string> Handshake(string url, IflytekOptions options, string service, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Limit);
        try
        {
            await using var socket = await IflytekSocket.ConnectAsync(new Uri(url), options, service, time, timeout.Token);
            return "正常：讯飞接受了签名。";
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new SpeechProviderException($"讯飞{service}在 {Limit.TotalSeconds:0} 秒内没有响应，请检查网络。");
        }
    }

    private async Task<string> Models(string baseUrl, string? key, string what, CancellationToken ct)
    {
        using var client = http.CreateClient(OpenAiSpeechHttp.ClientName);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{baseUrl.TrimEnd('/')}/models");
        if (!string.IsNullOrWhiteSpace(key))
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Limit);
        try
        {
            using var response = await client.SendAsync(request, timeout.Token);
            return response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                ? throw new SpeechProviderException($"{what}服务可以连通，但拒绝了访问密钥（HTTP {(int)response.StatusCode}），请检查密钥配置。")
                : $"正常：{baseUrl} 有响应。";
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new SpeechProviderException($"{what}服务（{baseUrl}）在 {Limit.TotalSeconds:0} 秒内没有响应，请检查服务是否在运行。");
        }
        catch (HttpRequestException e)
        {
            throw new SpeechProviderException($"连不上{what}服务（{baseUrl}）：{e.Message}。请检查地址和网络。", e);
        }
    }
}
