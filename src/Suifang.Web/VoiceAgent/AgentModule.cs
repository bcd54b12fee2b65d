using Suifang.Agent.Dialogue;
using Suifang.Agent.Knowledge;
using Suifang.Agent.Understanding;
using Suifang.Agent.Understanding.Chinese;

namespace Suifang.Web.VoiceAgent;

/// The voice follow-up agent (issue #4): offline Chinese understanding and the script-driven dialogue engine, answering
/// patients' questions from the knowledge base. One instance of each serves every call (both are thread-safe).
internal static class AgentModule
{
    public static WebApplicationBuilder AddAgent(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IUnderstander>(_ => ChineseUnderstander.Shared);
        builder.Services.AddSingleton<IConversationFactory>(sp =>
            new DialogueEngine(sp.GetRequiredService<IUnderstander>(), sp.GetRequiredService<IKnowledgeSearch>()));
        builder.Services.AddHostedService<AgentWarmUp>();
        return builder;
    }
}

/// Loads the shipped intent model at start (about half a second), so the first call's turns do not wait for it.
internal sealed class AgentWarmUp(IServiceProvider services, ILogger<AgentWarmUp> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken ct) => Task.Run(() =>
    {
        var understander = services.GetRequiredService<IUnderstander>();
        understander.Understand("没有发烧", UnderstandingContext.Open(DateTime.Now));
        log.LogInformation("Chinese understanding ready");
    }, ct);
}
