using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Suifang.Integrations.Telephony.Sip;

/// One event from baresip's ctrl_tcp module, e.g. CALL_ESTABLISHED, CALL_DTMF_START (Param = the key),
/// CALL_CLOSED (Param = the SIP reason, e.g. "486 Busy Here").
/// PeerUri is the other side's SIP URI (for an incoming call, the caller's From: sip:13800000000@…).
internal sealed record BaresipEvent(string Type, string? CallId, string? Param, DateTimeOffset At, long Timestamp, string? PeerUri = null);

/// Speaks baresip's control protocol: netstring-framed JSON over TCP ("59:{...},"). Commands carry a token and are
/// answered by a response with the same token; events arrive in between. ctrl_tcp accepts one client.
internal sealed class BaresipControl : IAsyncDisposable
{
    private readonly TcpClient client;
    private readonly NetworkStream stream;
    private readonly SemaphoreSlim writeLock = new(1, 1);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonElement>> pending = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task readLoop;
    private long nextToken;

    private BaresipControl(TcpClient client)
    {
        this.client = client;
        client.NoDelay = true;
        stream = client.GetStream();
        readLoop = Task.Run(ReadLoopAsync);
    }

    /// Raised on the reading thread for every event; handlers must return quickly.
    public event Action<BaresipEvent>? EventReceived;

    /// Raised once when baresip closes the connection (the process ended).
    public event Action? Disconnected;

    public static async Task<BaresipControl> ConnectAsync(int port, TimeSpan timeout, Func<bool> processAlive, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var client = new TcpClient();
            try
            {
                await client.ConnectAsync("127.0.0.1", port, ct);
                return new BaresipControl(client);
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && processAlive())
            {
                client.Dispose();
                await Task.Delay(20, ct);
            }
            catch
            {
                client.Dispose();
                throw;
            }
        }
    }

    /// Sends a command ("dial", "hangup", "sndcode", "ausrc", ...) and returns baresip's answer text.
    public async Task<string> SendAsync(string command, string? parameters, CancellationToken ct)
    {
        var token = "t" + Interlocked.Increment(ref nextToken);
        var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[token] = answer;
        var json = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string?>
        {
            ["command"] = command,
            ["params"] = parameters,
            ["token"] = token,
        });
        var frame = new byte[json.Length + 16];
        var head = Encoding.ASCII.GetBytes($"{json.Length}:");
        head.CopyTo(frame, 0);
        json.CopyTo(frame, head.Length);
        frame[head.Length + json.Length] = (byte)',';
        await writeLock.WaitAsync(ct);
        try
        {
            await stream.WriteAsync(frame.AsMemory(0, head.Length + json.Length + 1), ct);
        }
        finally
        {
            writeLock.Release();
        }
        using var registration = ct.Register(() => answer.TrySetCanceled(ct));
        var response = await answer.Task.WaitAsync(TimeSpan.FromSeconds(10), ct);
        var data = response.TryGetProperty("data", out var d) ? d.GetString() ?? "" : "";
        if (!response.TryGetProperty("ok", out var ok) || !ok.GetBoolean())
            throw new BaresipException($"baresip 拒绝了命令 {command}：{data.Trim()}");
        return data;
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new List<byte>();
        var chunk = new byte[8192];
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var read = await stream.ReadAsync(chunk, stop.Token);
                if (read == 0)
                    break;
                buffer.AddRange(chunk.AsSpan(0, read));
                while (TryTakeFrame(buffer, out var message))
                    Dispatch(message);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
        foreach (var waiting in pending.Values)
            waiting.TrySetException(new BaresipException("baresip 控制连接已断开。"));
        Disconnected?.Invoke();
    }

    private static bool TryTakeFrame(List<byte> buffer, out byte[] message)
    {
        message = [];
        var colon = buffer.IndexOf((byte)':');
        if (colon < 0)
            return false;
        var length = int.Parse(Encoding.ASCII.GetString(buffer.GetRange(0, colon).ToArray()), System.Globalization.CultureInfo.InvariantCulture);
        if (buffer.Count < colon + 1 + length + 1)
            return false;
        message = buffer.GetRange(colon + 1, length).ToArray();
        buffer.RemoveRange(0, colon + 1 + length + 1);
        return true;
    }

    private void Dispatch(byte[] message)
    {
        var timestamp = System.Diagnostics.Stopwatch.GetTimestamp();
        using var document = JsonDocument.Parse(message);
        var root = document.RootElement;
        if (root.TryGetProperty("response", out _))
        {
            var token = root.TryGetProperty("token", out var t) ? t.GetString() : null;
            if (token is not null && pending.TryRemove(token, out var answer))
                answer.TrySetResult(root.Clone());
            return;
        }
        if (root.TryGetProperty("event", out _) && root.TryGetProperty("type", out var type))
        {
            var id = root.TryGetProperty("id", out var i) ? i.GetString() : null;
            var param = root.TryGetProperty("param", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
            var peer = root.TryGetProperty("peeruri", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
            EventReceived?.Invoke(new BaresipEvent(type.GetString() ?? "", id, param, DateTimeOffset.UtcNow, timestamp, peer));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        client.Dispose();
        try
        {
            await readLoop;
        }
        catch (OperationCanceledException)
        {
        }
        stop.Dispose();
        writeLock.Dispose();
    }
}

internal sealed class BaresipException(string message) : Exception(message);
