using System.Net.Http.Json;
using Suifang.Agent.Speech;

namespace Suifang.Integrations.Speech.OpenAi;

/// POST /v1/audio/speech {model, input, voice, response_format: wav, speed}; the WAV is converted to 8 kHz mono.
internal sealed class OpenAiTextToSpeech(OpenAiSpeechHttp http, OpenAiSpeechOptions options) : ITextToSpeech
{
    public string Name => $"OpenAI 兼容语音合成 {options.TtsModel}/{options.Voice}";

    public string Voice => $"openai/{http.BaseUrl}/{options.TtsModel}/{options.Voice}/{options.Speed}/{options.SlowSpeed}";

    public async Task<SpeechAudio> SynthesizeAsync(string text, bool slow, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var body = JsonContent.Create(new
        {
            model = options.TtsModel, input = text, voice = options.Voice, response_format = "wav",
            speed = slow ? options.SlowSpeed : options.Speed,
        });
        using var response = await http.SendAsync("语音合成", "audio/speech", body, ct);
        return TelephoneWav.ToTelephone(await response.Content.ReadAsByteArrayAsync(ct));
    }
}
