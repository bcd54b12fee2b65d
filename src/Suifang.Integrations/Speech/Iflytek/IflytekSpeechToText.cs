using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Suifang.Agent.Speech;

namespace Suifang.Integrations.Speech.Iflytek;

/// 讯飞语音听写 (streaming WebAPI): audio in 40 ms frames (status 0 first with common/business, 1 in between, 2 last),
/// results assembled by sequence number, with 动态修正 (pgs "rpl" replaces the results in range rg).
internal sealed class IflytekSpeechToText(IflytekOptions options, TimeProvider time) : ISpeechToText
{
    private const string Service = "语音听写";

    public string Name => "讯飞语音听写";

    public async Task<Transcription> TranscribeAsync(SpeechAudio audio, CancellationToken ct)
    {
        var (rate, channels, pcm) = TelephoneWav.Read(audio.Wav);
        if (channels != 1 || rate is not (8000 or 16000))
            (rate, _, pcm) = TelephoneWav.Read(TelephoneWav.ToTelephone(audio.Wav).Wav);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
        try
        {
            await using var socket = await IflytekSocket.ConnectAsync(new Uri(options.IatUrl), options, Service, time, timeout.Token);
            var sending = SendAsync(socket, pcm, rate, timeout.Token);
            var results = new SortedDictionary<int, string>();
            while (true)
            {
                var frame = await socket.ReceiveAsync(timeout.Token);
                if (!frame.TryGetProperty("data", out var data))
                    continue;
                if (data.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.Object)
                    Apply(results, result);
                if (data.TryGetProperty("status", out var status) && status.GetInt32() == 2)
                    break;
            }
            await sending;
            return new Transcription(string.Concat(results.Values), null);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new SpeechProviderException(
                $"讯飞{Service}超时：{options.TimeoutSeconds} 秒内没有返回最终结果。请检查网络，或调大 Speech:Iflytek:TimeoutSeconds。");
        }
    }

    private async Task SendAsync(IflytekSocket socket, ReadOnlyMemory<byte> pcm, int rate, CancellationToken ct)
    {
        var frameBytes = rate / 1000 * 40 * 2;
        var format = $"audio/L16;rate={rate}";
        for (var at = 0; at < pcm.Length || at == 0; at += frameBytes)
        {
            var chunk = pcm.Slice(at, Math.Min(frameBytes, pcm.Length - at));
            var data = new JsonObject { ["status"] = at == 0 ? 0 : 1, ["format"] = format, ["encoding"] = "raw", ["audio"] = Convert.ToBase64String(chunk.Span) };
            var frame = new JsonObject { ["data"] = data };
            if (at == 0)
            {
                frame["common"] = new JsonObject { ["app_id"] = options.AppId };
                var business = new JsonObject { ["language"] = "zh_cn", ["domain"] = "iat", ["accent"] = "mandarin", ["vad_eos"] = 3000 };
                if (options.DynamicCorrection)
                    business["dwa"] = "wpgs";
                frame["business"] = business;
            }
            await socket.SendAsync(frame, ct);
            if (options.FrameIntervalMilliseconds > 0)
                await Task.Delay(options.FrameIntervalMilliseconds, ct);
            if (pcm.Length == 0)
                break;
        }
        await socket.SendAsync(new JsonObject
        {
            ["data"] = new JsonObject { ["status"] = 2, ["format"] = format, ["encoding"] = "raw", ["audio"] = "" },
        }, ct);
    }

    private static void Apply(SortedDictionary<int, string> results, JsonElement result)
    {
        var text = new StringBuilder();
        if (result.TryGetProperty("ws", out var words))
            foreach (var word in words.EnumerateArray())
                if (word.TryGetProperty("cw", out var candidates) && candidates.GetArrayLength() > 0)
                    text.Append(candidates[0].GetProperty("w").GetString());
        if (result.TryGetProperty("pgs", out var pgs) && pgs.GetString() == "rpl" && result.TryGetProperty("rg", out var range))
            for (var sn = range[0].GetInt32(); sn <= range[1].GetInt32(); sn++)
                results.Remove(sn);
        var number = result.TryGetProperty("sn", out var s) ? s.GetInt32() : results.Count + 1;
        results[number] = text.ToString();
    }
}
