using System.Net;
using System.Net.Http.Headers;

namespace Suifang.Integrations.Speech.OpenAi;

/// Sends requests to an OpenAI-compatible speech server and turns its failures into Chinese messages.
internal sealed class OpenAiSpeechHttp(HttpClient http, OpenAiSpeechOptions options)
{
    public const string ClientName = "speech-openai";

    public string BaseUrl => options.BaseUrl!.TrimEnd('/');

    public async Task<HttpResponseMessage> SendAsync(string what, string path, HttpContent content, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{BaseUrl}/{path}") { Content = content };
        if (!string.IsNullOrWhiteSpace(options.ApiKey))
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, timeout.Token);
            if (response.IsSuccessStatusCode)
                return response;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new SpeechProviderException(
                $"{what}服务（{BaseUrl}）在 {options.TimeoutSeconds} 秒内没有响应。请检查服务是否在运行，或调大 Speech:OpenAi:TimeoutSeconds。");
        }
        catch (HttpRequestException e)
        {
            throw new SpeechProviderException($"连不上{what}服务（{BaseUrl}）：{e.Message}。请检查 Speech:OpenAi:BaseUrl 和网络。", e);
        }
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            throw response.StatusCode switch
            {
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new SpeechProviderException(
                    $"{what}服务拒绝了访问密钥（HTTP {(int)response.StatusCode}）：请检查 Speech:OpenAi:ApiKey 是否与服务端配置一致。"),
                HttpStatusCode.NotFound => new SpeechProviderException(
                    $"{what}服务上没有 /{path} 接口（HTTP 404）：请确认 Speech:OpenAi:BaseUrl 以 /v1 结尾，且服务支持 OpenAI 兼容的语音接口。"),
                _ => new SpeechProviderException(
                    $"{what}服务返回错误（HTTP {(int)response.StatusCode}）：{Excerpt(body)}。请查看语音服务的日志。"),
            };
        }
    }

    private static string Excerpt(string body) => body.Length <= 200 ? body : body[..200] + "…";
}
