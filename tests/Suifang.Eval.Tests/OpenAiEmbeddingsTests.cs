using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Suifang.Eval.Embeddings;
using Suifang.Eval.Metrics;

namespace Suifang.Eval.Tests;

/// The OpenAI-compatible provider against a local server that speaks POST /v1/embeddings.
public sealed class OpenAiEmbeddingsTests
{
    [Fact]
    public async Task Embeddings_come_from_the_server_in_input_order_and_feed_bertscore()
    {
        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var requests = new List<JsonDocument>();
        var server = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await listener.GetContextAsync(); }
                catch (HttpListenerException) { break; }
                catch (ObjectDisposedException) { break; }
                var body = JsonDocument.Parse(await new StreamReader(context.Request.InputStream).ReadToEndAsync());
                lock (requests) requests.Add(body);
                var base64 = body.RootElement.TryGetProperty("encoding_format", out var f) && f.GetString() == "base64";
                var inputs = body.RootElement.GetProperty("input").EnumerateArray().Select(e => e.GetString()!).ToList();
                // The vector of a text: (1, 0) for 红, (0, 1) for anything else.
                var data = inputs.Select((text, i) =>
                {
                    float[] v = text == "红" ? [1f, 0f] : [0f, 1f];
                    object embedding = base64 ? Convert.ToBase64String(v.SelectMany(BitConverter.GetBytes).ToArray()) : v;
                    return new { @object = "embedding", index = i, embedding };
                });
                var json = JsonSerializer.Serialize(new { @object = "list", data, model = "test-embed", usage = new { prompt_tokens = 1, total_tokens = 1 } });
                context.Response.StatusCode = context.Request.Url!.AbsolutePath == "/v1/embeddings" ? 200 : 404;
                context.Response.ContentType = "application/json";
                var bytes = Encoding.UTF8.GetBytes(json);
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
        });

        using var generator = OpenAiEmbeddings.Create($"http://127.0.0.1:{port}/v1", "test-embed", null);
        var embeddings = await generator.GenerateAsync(["红", "肿", "红"]);
        Assert.Equal([1f, 0f], embeddings[0].Vector.ToArray());
        Assert.Equal([0f, 1f], embeddings[1].Vector.ToArray());
        Assert.Equal([1f, 0f], embeddings[2].Vector.ToArray());

        // BERTScore of 红肿 against 红: P = (1 + 0) / 2, R = 1, F = 2/3 (as BertScoreTests computes by hand).
        var score = (await BertScore.ScoreAsync(generator, [("红肿", "红")], CancellationToken.None)).Single();
        Assert.Equal(2.0 / 3, score.F1, 6);
        Assert.Equal("test-embed", requests[0].RootElement.GetProperty("model").GetString());
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
