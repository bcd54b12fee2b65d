using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Suifang.Agent.Speech;
using Suifang.Integrations.Speech.Espeak;
using Suifang.Integrations.Speech.Iflytek;
using Suifang.Integrations.Speech.OpenAi;

namespace Suifang.Integrations.Speech;

/// Builds the providers the settings choose; the TTS comes with the prompt cache in front.
internal static class SpeechProviders
{
    public static (ITextToSpeech Provider, string Voice) CreateTts(IServiceProvider sp)
    {
        var o = sp.GetRequiredService<IOptions<SpeechOptions>>().Value;
        switch (o.Tts.Provider)
        {
            case TtsProvider.Iflytek:
                var iflytek = new IflytekTextToSpeech(o.Iflytek, sp.GetRequiredService<TimeProvider>());
                return (iflytek, iflytek.Voice);
            case TtsProvider.OpenAi:
                var openAi = new OpenAiTextToSpeech(sp.GetRequiredService<OpenAiSpeechHttp>(), o.OpenAi);
                return (openAi, openAi.Voice);
            default:
                var espeak = new EspeakTextToSpeech(o.Espeak);
                return (espeak, espeak.Voice);
        }
    }

    public static ISpeechToText? CreateAsr(IServiceProvider sp)
    {
        var o = sp.GetRequiredService<IOptions<SpeechOptions>>().Value;
        return o.Asr.Provider switch
        {
            AsrProvider.Iflytek => new IflytekSpeechToText(o.Iflytek, sp.GetRequiredService<TimeProvider>()),
            AsrProvider.OpenAi => new OpenAiSpeechToText(sp.GetRequiredService<OpenAiSpeechHttp>(), o.OpenAi),
            _ => null,
        };
    }

    public static string CacheFolder(SpeechOptions o, string? dataDirectory) =>
        string.IsNullOrWhiteSpace(o.Cache.Folder) ? Path.Combine(dataDirectory ?? "./data", "speech-cache") : o.Cache.Folder;
}
