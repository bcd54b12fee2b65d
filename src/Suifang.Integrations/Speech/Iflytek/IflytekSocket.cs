using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Suifang.Integrations.Speech.Iflytek;

/// One iFlytek WebSocket session: signed handshake with Chinese errors, JSON text frames in and out.
internal sealed class IflytekSocket(ClientWebSocket socket, string service) : IAsyncDisposable
{
    public static async Task<IflytekSocket> ConnectAsync(Uri endpoint, IflytekOptions options, string service, TimeProvider time, CancellationToken ct)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        var url = IflytekSigner.Sign(endpoint, options.ApiKey!, options.ApiSecret!, time.GetUtcNow());
        try
        {
            await socket.ConnectAsync(url, ct);
            return new IflytekSocket(socket, service);
        }
        catch (WebSocketException e)
        {
            var status = socket.HttpStatusCode;
            socket.Dispose();
            throw status switch
            {
                HttpStatusCode.Unauthorized => new SpeechProviderException(
                    $"讯飞{service}鉴权失败（401）：签名无法验证。请在讯飞开放平台控制台核对 Speech:Iflytek:ApiKey 和 ApiSecret（两者很像，注意不要填反）。", e),
                HttpStatusCode.Forbidden => new SpeechProviderException(
                    $"讯飞{service}拒绝访问（403）：服务器时间与北京时间相差超过 5 分钟，或本机 IP 不在白名单。请用 NTP 校准服务器时钟，或在控制台添加 IP 白名单。", e),
                0 => new SpeechProviderException($"连不上讯飞{service}（{endpoint.Host}）：{e.Message}。请检查网络、防火墙和 Speech:Iflytek 里的地址。", e),
                _ => new SpeechProviderException($"讯飞{service}握手失败（HTTP {(int)status}）。请检查 Speech:Iflytek 里的地址和密钥。", e),
            };
        }
    }

    public Task SendAsync(JsonObject frame, CancellationToken ct) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(frame.ToJsonString()), WebSocketMessageType.Text, true, ct);

    /// The next frame; its "code" is checked, so a returned frame is a successful one.
    public async Task<JsonElement> ReceiveAsync(CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(chunk, ct);
            if (result.MessageType == WebSocketMessageType.Close)
                throw new SpeechProviderException($"讯飞{service}在返回完整结果前关闭了连接（{result.CloseStatusDescription}）。");
            buffer.Write(chunk, 0, result.Count);
        } while (!result.EndOfMessage);
        var frame = JsonDocument.Parse(buffer.ToArray()).RootElement;
        var code = frame.TryGetProperty("code", out var c) ? c.GetInt32() : -1;
        if (code != 0)
            throw IflytekErrors.Describe(service, code, frame.TryGetProperty("message", out var m) ? m.GetString() : null,
                frame.TryGetProperty("sid", out var s) ? s.GetString() : null);
        return frame;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (socket.State == WebSocketState.Open)
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(1));
        }
        catch (Exception e) when (e is WebSocketException or TimeoutException or OperationCanceledException)
        {
            // The session is over either way.
        }
        socket.Dispose();
    }
}
