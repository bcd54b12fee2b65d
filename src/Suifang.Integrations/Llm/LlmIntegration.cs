using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenAI;
using Suifang.Agent.LanguageModel;

namespace Suifang.Integrations.Llm;

internal static class LlmIntegration
{
    /// Registers ILanguageModelAssist: the configured OpenAI-compatible model, or NoLanguageModel when Llm:Endpoint is empty.
    public static IServiceCollection AddLanguageModel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LlmOptions>().BindConfiguration(LlmOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<LlmOptions>, LlmOptionsValidator>();
        var options = configuration.GetSection(LlmOptions.Section).Get<LlmOptions>() ?? new LlmOptions();
        if (!options.IsConfigured)
        {
            services.AddSingleton<ILanguageModelAssist, NoLanguageModel>();
            return services;
        }
        services.AddSingleton(sp => CreateChatClient(sp.GetRequiredService<IOptions<LlmOptions>>().Value));
        services.AddSingleton<ILanguageModelAssist>(sp => new ChatClientLanguageModelAssist(
            sp.GetRequiredService<IChatClient>(), sp.GetRequiredService<IOptions<LlmOptions>>().Value,
            sp.GetRequiredService<ILogger<ChatClientLanguageModelAssist>>()));
        return services;
    }

    /// An IChatClient for any OpenAI-compatible endpoint; no retries (the dialogue cannot wait), the timeout is ours.
    public static IChatClient CreateChatClient(LlmOptions options) =>
        new OpenAI.Chat.ChatClient(options.Model, new ApiKeyCredential(string.IsNullOrWhiteSpace(options.ApiKey) ? "none" : options.ApiKey),
            new OpenAIClientOptions
            {
                Endpoint = new Uri(options.Endpoint!),
                RetryPolicy = new ClientRetryPolicy(0),
                NetworkTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds + 5),
            }).AsIChatClient();
}
