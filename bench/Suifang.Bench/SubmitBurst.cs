using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Suifang.Bench;

/// The client side of questionnaire-submit: one pooled HttpClient with room for every client's own connection, the
/// connections opened before the timed burst (a patient's phone loaded the page first, so its connection is warm), then
/// all POSTs at once with at most `concurrency` in flight. Counts the TCP connections it opens, so a figure says whether
/// the burst paid for new connections.
internal sealed class SubmitBurst : IDisposable
{
    private readonly HttpClient _http;
    private long _connects;

    public SubmitBurst(string baseUrl, int concurrency)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false, MaxConnectionsPerServer = concurrency, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
            ConnectCallback = async (context, ct) =>
            {
                Interlocked.Increment(ref _connects);
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        _http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(5) };
    }

    public HttpClient Http => _http;

    public long Connects => Interlocked.Read(ref _connects);

    /// `count` GETs at once, so the pool holds `count` open connections afterwards (each phone opened its page).
    public async Task<int> OpenConnectionsAsync(IReadOnlyList<string> pages)
    {
        var failed = 0;
        await Task.WhenAll(pages.Select(async page =>
        {
            using var response = await _http.GetAsync(page);
            await response.Content.ReadAsByteArrayAsync();
            if (response.StatusCode != HttpStatusCode.OK)
                Interlocked.Increment(ref failed);
        }));
        return failed;
    }

    public sealed record Outcome(double[] Latencies, int NotOk, TimeSpan Wall, TimeSpan Cpu, long NewConnections, string LoadBefore, string LoadAfter);

    /// POSTs formOf(i) to the i-th path with at most `concurrency` in flight; `json` asks for the fetch answer (what the page's
    /// script sends), otherwise the plain form post of a phone without JavaScript, answered with the page.
    public async Task<Outcome> PostAllAsync(IReadOnlyList<string> paths, Func<int, IReadOnlyList<KeyValuePair<string, string>>> formOf, int concurrency,
        bool json, Func<HttpStatusCode, bool> ok)
    {
        var gate = new SemaphoreSlim(concurrency);
        var latencies = new double[paths.Count];
        var notOk = 0;
        var connects = Connects;
        var load = LoadAverage();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(paths.Select(async (path, i) =>
        {
            await gate.WaitAsync();
            try
            {
                var watch = Stopwatch.StartNew();
                using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(formOf(i)) };
                if (json)
                    request.Headers.Accept.ParseAdd("application/json");
                using var response = await _http.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                latencies[i] = watch.Elapsed.TotalMilliseconds;
                if (!ok(response.StatusCode))
                    Interlocked.Increment(ref notOk);
            }
            finally
            {
                gate.Release();
            }
        }));
        wall.Stop();
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Array.Sort(latencies);
        return new(latencies, notOk, wall.Elapsed, used, Connects - connects, load, LoadAverage());
    }

    public static double Percentile(double[] sorted, double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];

    public static void Print(Outcome o, int posts)
    {
        Console.WriteLine($"  latency ms: p50 {Percentile(o.Latencies, 0.50):0.0}  p95 {Percentile(o.Latencies, 0.95):0.0}  p99 {Percentile(o.Latencies, 0.99):0.0}  max {o.Latencies[^1]:0.0}");
        Console.WriteLine($"  wall {o.Wall.TotalSeconds:0.00} s, {posts / o.Wall.TotalSeconds:0} POST/s, new TCP connections during the POSTs: {o.NewConnections}");
        Console.WriteLine($"  CPU of this process (host + client) during the POSTs: {o.Cpu.TotalSeconds:0.00} s = {o.Cpu.TotalMilliseconds / posts:0.000} ms per POST");
        Console.WriteLine($"  load average before: {o.LoadBefore}, after: {o.LoadAfter}");
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    public void Dispose() => _http.Dispose();
}
