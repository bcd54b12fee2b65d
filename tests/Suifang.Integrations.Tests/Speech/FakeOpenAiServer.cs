using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Suifang.Integrations.Tests.Speech;

/// An OpenAI-compatible server on 127.0.0.1, as self-hosted Chinese speech and model servers expose it:
/// POST /v1/audio/speech, POST /v1/audio/transcriptions (multipart), POST /v1/chat/completions, GET /v1/models.
/// Checks the bearer key (401 otherwise) and can stall to test timeouts.
internal sealed class FakeOpenAiServer : IAsyncDisposable
{
    public const string Key = "sk-hospital-local";

    private readonly WebApplication _app;

    private FakeOpenAiServer(WebApplication app, Uri address)
    {
        _app = app;
        BaseUrl = new Uri(address, "v1").ToString();
    }

    public string BaseUrl { get; }
    public List<JsonElement> JsonRequests { get; } = [];
    public Dictionary<string, string> FormFields { get; } = [];
    public byte[] UploadedFile { get; private set; } = [];
    public TimeSpan Stall { get; set; }
    public string Transcript { get; set; } = "伤口不红了";
    /// What the chat model answers as its message content.
    public string ChatContent { get; set; } = "{}";
    /// The WAV /audio/speech answers with: 24 kHz mono by default, as OpenAI's own service sends.
    public byte[] SpeechWav { get; set; } = Tones.Wav(0.5, 24000, 440);

    public static async Task<FakeOpenAiServer> StartAsync()
    {
        FakeOpenAiServer? server = null;
        var (app, address) = await LocalServer.StartAsync(a =>
        {
            a.MapPost("/v1/audio/speech", (Func<HttpContext, Task<IResult>>)(c => server!.Guarded(c, server.SpeechAsync)));
            a.MapPost("/v1/audio/transcriptions", (Func<HttpContext, Task<IResult>>)(c => server!.Guarded(c, server.TranscribeAsync)));
            a.MapPost("/v1/chat/completions", (Func<HttpContext, Task<IResult>>)(c => server!.Guarded(c, server.ChatAsync)));
            a.MapGet("/v1/models", (Func<HttpContext, Task<IResult>>)(c => server!.Guarded(c, _ => Task.FromResult(Results.Json(new { data = new[] { new { id = "m" } } })))));
        });
        server = new FakeOpenAiServer(app, address);
        return server;
    }

    private async Task<IResult> Guarded(HttpContext c, Func<HttpContext, Task<IResult>> handle)
    {
        if (c.Request.Headers.Authorization.ToString() != $"Bearer {Key}")
            return Results.Json(new { error = new { message = "Incorrect API key provided", type = "invalid_request_error", code = "invalid_api_key" } }, statusCode: 401);
        if (Stall > TimeSpan.Zero)
            await Task.Delay(Stall, CancellationToken.None);
        return await handle(c);
    }

    private async Task<IResult> SpeechAsync(HttpContext c)
    {
        Record(await JsonDocument.ParseAsync(c.Request.Body));
        return Results.Bytes(SpeechWav, "audio/wav");
    }

    private async Task<IResult> TranscribeAsync(HttpContext c)
    {
        var form = await c.Request.ReadFormAsync();
        foreach (var (key, value) in form)
            FormFields[key] = value.ToString();
        using var file = new MemoryStream();
        await form.Files["file"]!.CopyToAsync(file);
        UploadedFile = file.ToArray();
        return Results.Json(new { text = Transcript });
    }

    private async Task<IResult> ChatAsync(HttpContext c)
    {
        Record(await JsonDocument.ParseAsync(c.Request.Body));
        var reply = new JsonObject
        {
            ["id"] = "chatcmpl-1", ["object"] = "chat.completion", ["created"] = 1_790_000_000, ["model"] = "qwen2.5-7b-instruct",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0, ["finish_reason"] = "stop",
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = ChatContent },
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 10, ["total_tokens"] = 20 },
        };
        return Results.Content(reply.ToJsonString(), "application/json");
    }

    private void Record(JsonDocument doc)
    {
        lock (JsonRequests)
            JsonRequests.Add(doc.RootElement.Clone());
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
