using Suifang.Integrations.Speech;

// In the Hosting namespace so that Program.cs needs one line and no new using.
namespace Suifang.Web.Hosting;

/// Speech (TTS, ASR, prompt cache, content-safety guard), the optional language model and their health check;
/// the status page is /settings/speech.
internal static class SpeechModule
{
    public static WebApplicationBuilder AddSpeech(this WebApplicationBuilder builder)
    {
        builder.Services.AddSpeech(builder.Configuration);
        return builder;
    }
}
