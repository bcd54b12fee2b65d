using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Suifang.Core.Patients.HisSync;

namespace Suifang.Integrations.His.Fhir;

/// GETs FHIR JSON from the HIS with authentication, a timeout and retries with backoff for server errors,
/// throttling and timeouts. Anything it cannot recover from becomes a HisSourceException in Chinese.
internal sealed class FhirHttp(IHttpClientFactory clients, IOptions<HisOptions> options, ILogger<FhirHttp> log)
{
    public const string ClientName = "his-fhir";

    private FhirOptions Options => options.Value.Fhir;

    public Uri BaseUri => new(Options.BaseUrl!.TrimEnd('/') + "/");

    /// The parsed body, or null when the server says the resource does not exist (404/410).
    public async Task<JsonDocument?> GetAsync(Uri url, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var (document, retryReason) = await TryOnceAsync(url, ct);
            if (retryReason is null)
                return document;
            if (attempt >= Options.Retries)
                throw new HisSourceException($"HIS 服务器暂时无法访问（{retryReason}），已重试 {Options.Retries} 次");
            var delay = TimeSpan.FromMilliseconds(Options.RetryDelayMilliseconds * Math.Pow(2, attempt));
            log.LogWarning("HIS FHIR {Url}: {Reason}; retry {Attempt} in {Delay}", url, retryReason, attempt + 1, delay);
            await Task.Delay(delay, ct);
        }
    }

    private async Task<(JsonDocument? Document, string? RetryReason)> TryOnceAsync(Uri url, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/fhir+json"));
        request.Headers.Authorization = Authorization();
        HttpResponseMessage response;
        try
        {
            // The whole body is read inside SendAsync, so the client timeout covers a server that stalls mid-page.
            response = await clients.CreateClient(ClientName).SendAsync(request, ct);
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, $"{Options.TimeoutSeconds} 秒内没有响应");
        }
        catch (HttpRequestException ex)
        {
            return (null, $"无法连接 {url.Host}:{url.Port}：{ex.Message}");
        }
        using (response)
        {
            var code = (int)response.StatusCode;
            if (code >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests)
                return (null, $"HTTP {code}");
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
                return (null, null);
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                throw new HisSourceException($"HIS 服务器拒绝访问（HTTP {code}），请信息科检查 His:Fhir:Token 或用户名、密码配置");
            if (!response.IsSuccessStatusCode)
                throw new HisSourceException($"HIS 服务器拒绝了查询 {url.PathAndQuery}（HTTP {code}），请信息科确认它支持 FHIR R4 的 Encounter 查询");
            try
            {
                await using var body = await response.Content.ReadAsStreamAsync(ct);
                return (await JsonDocument.ParseAsync(body, cancellationToken: ct), null);
            }
            catch (JsonException ex)
            {
                throw new HisSourceException($"HIS 服务器返回的内容不是有效的 FHIR JSON（{url.PathAndQuery}，{ex.Message}）", ex);
            }
        }
    }

    private AuthenticationHeaderValue? Authorization()
    {
        if (!string.IsNullOrEmpty(Options.Token))
            return new AuthenticationHeaderValue("Bearer", Options.Token);
        if (!string.IsNullOrEmpty(Options.UserName))
            return new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Options.UserName}:{Options.Password}")));
        return null;
    }
}
