using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Suifang.Agent.Speech;
using Suifang.Integrations.Llm;
using Suifang.Integrations.Speech.OpenAi;

namespace Suifang.Integrations.Speech;

internal static class SpeechIntegration
{
    /// Binds and validates "Speech" and "Llm"; registers ITextToSpeech (espeak-ng, iFlytek or OpenAI-compatible, behind
    /// the prompt cache and the SpeechGuard), ISpeechToText when Speech:Asr:Provider is set, the SpeechGuard, ILanguageModelAssist
    /// (NoLanguageModel without Llm:Endpoint) and the "speech" health check.
    public static IServiceCollection AddSpeech(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SpeechOptions>().BindConfiguration(SpeechOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<SpeechOptions>, SpeechOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        // The adapters apply their own timeouts, so the HttpClient's is switched off.
        services.AddHttpClient(OpenAiSpeechHttp.ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton(sp => new OpenAiSpeechHttp(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(OpenAiSpeechHttp.ClientName),
            sp.GetRequiredService<IOptions<SpeechOptions>>().Value.OpenAi));

        var dataDirectory = configuration["Suifang:DataDirectory"];
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<SpeechOptions>>().Value;
            return new PromptCache(SpeechProviders.CacheFolder(o, dataDirectory), o.Cache.MemoryEntries);
        });
        services.AddSingleton(sp =>
        {
            var (provider, voice) = SpeechProviders.CreateTts(sp);
            return new CachingTextToSpeech(provider, voice, sp.GetRequiredService<PromptCache>());
        });
        services.AddSingleton<ITextToSpeech>(sp => new GuardedTextToSpeech(sp.GetRequiredService<CachingTextToSpeech>(),
            sp.GetRequiredService<SpeechGuard>(), sp.GetRequiredService<ILogger<GuardedTextToSpeech>>()));
        if (configuration.GetSection(SpeechOptions.Section).GetValue("Asr:Provider", AsrProvider.None) != AsrProvider.None)
            services.AddSingleton(sp => SpeechProviders.CreateAsr(sp)!);

        var guard = configuration.GetSection("Speech:Guard");
        services.AddSingleton(new SpeechGuard(new SpeechGuardRules
        {
            // The call-back number left on voicemails (Calls:CallBackNumber) is the hospital's own: it may be spoken.
            AllowedNumbers = [.. guard.GetSection("AllowedNumbers").Get<string[]>() ?? [],
                .. configuration["Calls:CallBackNumber"] is { Length: > 0 } callBack ? [callBack.Trim()] : Array.Empty<string>()],
            MaxSentenceChars = guard.GetValue("MaxSentenceChars", 40),
        }));

        services.AddLanguageModel(configuration);
        services.AddSingleton<SpeechProbe>();
        services.AddHealthChecks().AddCheck<SpeechHealthCheck>("speech", HealthStatus.Degraded, ["speech"]);
        return services;
    }
}
