using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Suifang.Eval.Tests;

/// The speech suite with the product's providers: espeak-ng speaks (the default TTS), and the OpenAI-compatible ASR
/// adapter sends the audio to a local server that answers POST /v1/audio/transcriptions with a fixed text.
public sealed class SpeechRoundTripTests
{
    [Fact]
    public async Task Cer_is_measured_on_what_the_configured_asr_heard()
    {
        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var audioBytes = 0L;
        var server = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await listener.GetContextAsync(); }
                catch (HttpListenerException) { break; }
                catch (ObjectDisposedException) { break; }
                var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                Interlocked.Add(ref audioBytes, body.Length);
                // Reference 伤口有没有发红 (7 characters); heard 伤口有没有发洪: one substitution → CER 1/7.
                var json = JsonSerializer.Serialize(new { text = "伤口有没有发洪" });
                context.Response.StatusCode = context.Request.Url!.AbsolutePath == "/v1/audio/transcriptions" ? 200 : 404;
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(json));
                context.Response.Close();
            }
        });
        var folder = Directory.CreateTempSubdirectory("suifang-eval-speech").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "eval"));
        File.WriteAllText(Path.Combine(folder, "eval", "speech.jsonl"), """{"id":"sp-9001","text":"伤口有没有发红"}""" + "\n");
        var config = Path.Combine(folder, "speech.json");
        File.WriteAllText(config, JsonSerializer.Serialize(new
        {
            Speech = new { Asr = new { Provider = "OpenAi" }, OpenAi = new { BaseUrl = $"http://127.0.0.1:{port}/v1" } },
        }));
        var output = Path.Combine(folder, "out");
        var log = new StringWriter();

        var code = await Cli.RunAsync(["run", "--data", folder, "--out", output, "--suites", "speech", "--config", config], log, CancellationToken.None);

        Assert.True(code == 0, log.ToString());
        using var report = JsonDocument.Parse(File.ReadAllText(Directory.GetFiles(output, "eval-*.json").Single()));
        var cer = report.RootElement.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("key").GetString() == "speech.cer");
        Assert.Equal(1.0 / 7, cer.GetProperty("value").GetDouble(), 10);
        Assert.True(Interlocked.Read(ref audioBytes) > 1000, "the server received the spoken audio");
        listener.Stop();
        await server;
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
