using System.Text;
using System.Text.Json.Nodes;
using Suifang.Agent.Speech;

namespace Suifang.Integrations.Speech.Iflytek;

/// 讯飞在线语音合成 (streaming WebAPI): one frame with common/business/data (status 2, base64 UTF-8 text), then
/// frames of base64 8 kHz PCM until data.status is 2.
internal sealed class IflytekTextToSpeech(IflytekOptions options, TimeProvider time) : ITextToSpeech
{
    private const string Service = "语音合成";

    public string Name => $"讯飞在线语音合成 {options.Voice}";

    public string Voice => $"iflytek/{options.Voice}/{options.Speed}/{options.SlowSpeed}";

    public async Task<SpeechAudio> SynthesizeAsync(string text, bool slow, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var bytes = Encoding.UTF8.GetByteCount(text);
        if (bytes >= 8000)
            throw new SpeechProviderException($"讯飞语音合成单次不能超过 8000 字节（约 2000 个汉字），这段话有 {bytes} 字节，请拆成几句再读。");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
        try
        {
            await using var socket = await IflytekSocket.ConnectAsync(new Uri(options.TtsUrl), options, Service, time, timeout.Token);
            await socket.SendAsync(new JsonObject
            {
                ["common"] = new JsonObject { ["app_id"] = options.AppId },
                ["business"] = new JsonObject
                {
                    ["aue"] = "raw", ["auf"] = "audio/L16;rate=8000", ["vcn"] = options.Voice,
                    ["speed"] = slow ? options.SlowSpeed : options.Speed, ["volume"] = 50, ["pitch"] = 50, ["tte"] = "UTF8",
                },
                ["data"] = new JsonObject { ["status"] = 2, ["text"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) },
            }, timeout.Token);

            using var pcm = new MemoryStream();
            while (true)
            {
                var frame = await socket.ReceiveAsync(timeout.Token);
                if (!frame.TryGetProperty("data", out var data))
                    continue;
                if (data.TryGetProperty("audio", out var audio) && audio.GetString() is { Length: > 0 } base64)
                    pcm.Write(Convert.FromBase64String(base64));
                if (data.TryGetProperty("status", out var status) && status.GetInt32() == 2)
                    break;
            }
            return TelephoneWav.FromPcm(pcm.GetBuffer().AsSpan(0, (int)pcm.Length));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new SpeechProviderException(
                $"讯飞{Service}超时：{options.TimeoutSeconds} 秒内没有返回完整音频。请检查网络，或调大 Speech:Iflytek:TimeoutSeconds。");
        }
    }
}
