using System.Net.Http.Headers;
using System.Text.Json;
using Suifang.Agent.Speech;

namespace Suifang.Integrations.Speech.OpenAi;

/// POST /v1/audio/transcriptions as multipart (file, model, language zh, response_format json) → {"text": "…"}.
internal sealed class OpenAiSpeechToText(OpenAiSpeechHttp http, OpenAiSpeechOptions options) : ISpeechToText
{
    public string Name => $"OpenAI 兼容语音识别 {options.AsrModel}";

    public async Task<Transcription> TranscribeAsync(SpeechAudio audio, CancellationToken ct)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(audio.Wav);
        file.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        form.Add(file, "file", "speech.wav");
        form.Add(new StringContent(options.AsrModel), "model");
        form.Add(new StringContent("zh"), "language");
        form.Add(new StringContent("json"), "response_format");
        using var response = await http.SendAsync("语音识别", "audio/transcriptions", form, ct);
        var json = await response.Content.ReadAsStringAsync(ct);
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String
                ? new Transcription(text.GetString()!.Trim(), null)
                : throw new SpeechProviderException("语音识别服务的回复里没有 text 字段，请确认它是 OpenAI 兼容的 /audio/transcriptions 接口。");
        }
        catch (JsonException e)
        {
            throw new SpeechProviderException("语音识别服务的回复不是 JSON，请确认 response_format=json 受支持。", e);
        }
    }
}
