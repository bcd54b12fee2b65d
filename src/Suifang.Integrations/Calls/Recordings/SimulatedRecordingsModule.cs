using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Suifang.Agent.Speech;
using Suifang.Core.Data;
using Suifang.Integrations.Speech;
using Suifang.Integrations.Speech.Espeak;

namespace Suifang.Integrations.Calls.Recordings;

public static class SimulatedRecordingsModule
{
    /// Registers the recordings of simulated calls when Calls:SimulatedRecordings:Enabled (the default): the agent's
    /// turns in the configured ITextToSpeech (registered by the speech module, which must come first), the patients'
    /// in espeak-ng with another variant and pitch, both behind the prompt cache.
    public static IServiceCollection AddSimulatedRecordings(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Calls:SimulatedRecordings").Get<SimulatedRecordingOptions>() ?? new SimulatedRecordingOptions();
        if (!options.Enabled || !services.Any(d => d.ServiceType == typeof(ITextToSpeech)))
            return services;
        var folder = string.IsNullOrWhiteSpace(options.Folder)
            ? Path.Combine(configuration["Suifang:DataDirectory"] ?? "./data", "recordings", "simulated")
            : options.Folder;
        services.AddSingleton(sp =>
        {
            var speech = sp.GetRequiredService<IOptions<SpeechOptions>>().Value.Espeak;
            var espeak = new EspeakTextToSpeech(new EspeakOptions
            {
                Voice = speech.Voice, Rate = speech.Rate, SlowRate = speech.SlowRate, Executable = speech.Executable, Sox = speech.Sox,
                TimeoutSeconds = speech.TimeoutSeconds, Variant = options.PatientVariant, Pitch = options.PatientPitch,
            });
            var patient = new CachingTextToSpeech(espeak, espeak.Voice, sp.GetRequiredService<PromptCache>());
            return new SimulatedRecordings(sp.GetRequiredService<IDbContextFactory<SuifangDbContext>>().CreateDbContext,
                new TranscriptRecording(sp.GetRequiredService<ITextToSpeech>(), patient), folder, options.QueueLength,
                sp.GetRequiredService<ILogger<SimulatedRecordings>>());
        });
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<SimulatedRecordings>());
        return services;
    }
}
