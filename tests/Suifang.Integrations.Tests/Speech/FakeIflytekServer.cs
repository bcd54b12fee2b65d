using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Suifang.Integrations.Speech;
using Suifang.Integrations.Speech.Iflytek;

namespace Suifang.Integrations.Tests.Speech;

/// Speaks iFlytek's streaming TTS (/v2/tts) and dictation (/v2/iat) protocols on 127.0.0.1: checks the HMAC-SHA256
/// signature of the handshake (401 when it does not verify, 403 when the date is more than 300 s off), reads the
/// common/business/data frames and answers with base64 audio or dictation results.
internal sealed partial class FakeIflytekServer : IAsyncDisposable
{
    public const string AppId = "5f8a1c2d";
    public const string ApiKey = "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6";
    public const string ApiSecret = "NmQ3ZTg5MGExYjJjM2Q0ZTVmNmE3Yjhj";

    private readonly WebApplication _app;

    private FakeIflytekServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }
    public List<JsonElement> Frames { get; } = [];
    public List<string> Texts { get; } = [];
    public int AudioBytesReceived { get; private set; }
    public int? ErrorCode { get; set; }
    public TimeSpan Stall { get; set; }
    public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

    /// Dictation results sent in order; the last one carries data.status 2.
    public List<JsonObject> IatResults { get; } = [];

    public IflytekOptions Options(int timeoutSeconds = 5) => new()
    {
        AppId = AppId, ApiKey = ApiKey, ApiSecret = ApiSecret, TimeoutSeconds = timeoutSeconds,
        TtsUrl = new Uri(new Uri(Address.ToString().Replace("http", "ws")), "v2/tts").ToString(),
        IatUrl = new Uri(new Uri(Address.ToString().Replace("http", "ws")), "v2/iat").ToString(),
    };

    public static async Task<FakeIflytekServer> StartAsync()
    {
        FakeIflytekServer? server = null;
        var (app, address) = await LocalServer.StartAsync(a =>
        {
            a.Map("/v2/tts", (HttpContext c) => server!.HandleAsync(c, server.TtsAsync));
            a.Map("/v2/iat", (HttpContext c) => server!.HandleAsync(c, server.IatAsync));
        });
        server = new FakeIflytekServer(app, address);
        return server;
    }

    public static JsonObject Result(int sn, string words, string? pgs = null, int[]? rg = null)
    {
        var result = new JsonObject
        {
            ["sn"] = sn, ["ls"] = false, ["bg"] = 0, ["ed"] = 0,
            ["ws"] = new JsonArray(new JsonObject { ["bg"] = 0, ["cw"] = new JsonArray(new JsonObject { ["sc"] = 0, ["w"] = words }) }),
        };
        if (pgs is not null)
            result["pgs"] = pgs;
        if (rg is not null)
            result["rg"] = new JsonArray(rg[0], rg[1]);
        return result;
    }

    private async Task HandleAsync(HttpContext c, Func<WebSocket, Task> session)
    {
        if (Verify(c.Request) is { } refusal)
        {
            c.Response.StatusCode = refusal.Status;
            await c.Response.WriteAsJsonAsync(new { message = refusal.Message });
            return;
        }
        if (!c.WebSockets.IsWebSocketRequest)
        {
            c.Response.StatusCode = 400;
            return;
        }
        using var socket = await c.WebSockets.AcceptWebSocketAsync();
        await session(socket);
        if (socket.State == WebSocketState.Open)
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
    }

    private (int Status, string Message)? Verify(HttpRequest request)
    {
        var date = request.Query["date"].ToString();
        var host = request.Query["host"].ToString();
        var authorization = Encoding.UTF8.GetString(Convert.FromBase64String(request.Query["authorization"].ToString()));
        var fields = AuthField().Matches(authorization).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        var expected = IflytekSigner.Signature(ApiSecret, host, date, request.Path);
        if (fields.GetValueOrDefault("api_key") != ApiKey || fields.GetValueOrDefault("algorithm") != "hmac-sha256"
            || fields.GetValueOrDefault("headers") != "host date request-line" || fields.GetValueOrDefault("signature") != expected
            || host != request.Host.Value)
            return (401, "HMAC signature cannot be verified");
        var sent = DateTimeOffset.ParseExact(date, "r", CultureInfo.InvariantCulture);
        return Math.Abs((sent - Now).TotalSeconds) > 300 ? (403, "HMAC signature does not conform") : null;
    }

    private async Task TtsAsync(WebSocket socket)
    {
        var frame = await ReceiveAsync(socket);
        var text = Encoding.UTF8.GetString(Convert.FromBase64String(frame.GetProperty("data").GetProperty("text").GetString()!));
        lock (Texts)
            Texts.Add(text);
        if (frame.GetProperty("common").GetProperty("app_id").GetString() != AppId)
        {
            await SendAsync(socket, new JsonObject { ["code"] = 10313, ["message"] = "appid cannot be empty", ["sid"] = "tts00000001" });
            return;
        }
        if (await Interrupted(socket, "tts00000002"))
            return;
        var pcm = Tones.Pcm(0.6, 8000, 440);
        var parts = new[] { pcm[..3200], pcm[3200..6400], pcm[6400..] };
        for (var i = 0; i < parts.Length; i++)
            await SendAsync(socket, new JsonObject
            {
                ["code"] = 0, ["message"] = "success", ["sid"] = "tts00000003",
                ["data"] = new JsonObject { ["audio"] = Convert.ToBase64String(parts[i]), ["status"] = i == parts.Length - 1 ? 2 : 1, ["ced"] = "10" },
            });
    }

    private async Task IatAsync(WebSocket socket)
    {
        while (true)
        {
            var frame = await ReceiveAsync(socket);
            var data = frame.GetProperty("data");
            AudioBytesReceived += Convert.FromBase64String(data.GetProperty("audio").GetString()!).Length;
            if (data.GetProperty("status").GetInt32() == 2)
                break;
        }
        if (await Interrupted(socket, "iat00000001"))
            return;
        for (var i = 0; i < IatResults.Count; i++)
            await SendAsync(socket, new JsonObject
            {
                ["code"] = 0, ["message"] = "success", ["sid"] = "iat00000002",
                ["data"] = new JsonObject { ["status"] = i == IatResults.Count - 1 ? 2 : 1, ["result"] = IatResults[i].DeepClone() },
            });
    }

    private async Task<bool> Interrupted(WebSocket socket, string sid)
    {
        if (Stall > TimeSpan.Zero)
        {
            await Task.Delay(Stall);
            return true;
        }
        if (ErrorCode is not { } code)
            return false;
        await SendAsync(socket, new JsonObject { ["code"] = code, ["message"] = "licc failed", ["sid"] = sid });
        return true;
    }

    private async Task<JsonElement> ReceiveAsync(WebSocket socket)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(chunk, CancellationToken.None);
            buffer.Write(chunk, 0, result.Count);
        } while (!result.EndOfMessage);
        var frame = JsonDocument.Parse(buffer.ToArray()).RootElement.Clone();
        lock (Frames)
            Frames.Add(frame);
        return frame;
    }

    private static Task SendAsync(WebSocket socket, JsonObject frame) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(frame.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [GeneratedRegex("(\\w+)=\"([^\"]*)\"")]
    private static partial Regex AuthField();
}
