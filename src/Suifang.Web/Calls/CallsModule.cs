using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Suifang.Agent.Dialogue;
using Suifang.Agent.Telephony;
using Suifang.Core.Common;
using Suifang.Core.Contact;
using Suifang.Core.Data;
using Suifang.Core.Security;
using Suifang.Core.Tasks;
using Suifang.Integrations.Calls;
using Suifang.Integrations.Calls.Recordings;
using Suifang.Integrations.Scripts;
using Suifang.Integrations.Telephony;
using Suifang.Integrations.Telephony.Simulated;

namespace Suifang.Web.Calls;

internal static class CallsModule
{
    /// AI calls (智能语音外呼): the telephony (the simulated phone network unless configured otherwise), and the AI call
    /// channel in place of the task engine's stand-in for AI-call tasks — once telephony, the dialogue engine
    /// (IConversationFactory) and the script library (IScriptLibrary) are registered, i.e. their modules come before
    /// this line in Program.cs. Without them AI-call tasks stay on the simulated channel (模拟通道).
    public static WebApplicationBuilder AddCalls(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<CallsOptions>().BindConfiguration(CallsOptions.Section);
        var options = builder.Configuration.GetSection(CallsOptions.Section).Get<CallsOptions>() ?? new CallsOptions();
        services.AddSipTelephony(builder.Configuration);   // Telephony:Provider = Sip registers the SIP lines
        if (string.Equals(options.Telephony, "Simulated", StringComparison.OrdinalIgnoreCase) && !Registered<ITelephony>(services))
        {
            services.TryAddSingleton<ITelephony>(new SimulatedTelephony(options.SimulatedSeed, new PersonaMix { AsrErrorRate = options.SimulatedAsrErrorRate }));
            services.AddSimulatedRecordings(builder.Configuration);   // Calls:SimulatedRecordings: playable recordings
        }
        if (Registered<ITelephony>(services) && Registered<IConversationFactory>(services) && Registered<ScriptLibraries>(services))
            services.AddSingleton<ITaskChannel>(sp => new AiCallChannel(
                sp.GetRequiredService<IDbContextFactory<SuifangDbContext>>().CreateDbContext,
                sp.GetRequiredService<ITelephony>(), sp.GetRequiredService<IConversationFactory>(), sp.GetRequiredService<ScriptLibraries>().For,
                sp.GetRequiredService<SensitiveDataProtector>(), sp.GetRequiredService<ContactPolicies>(),
                () => sp.GetRequiredService<HospitalClock>().Now, WithLanguageModel(sp),
                sp.GetRequiredService<ILogger<AiCallChannel>>(), sp.GetService<SimulatedRecordings>()));
        if (Registered<ITelephony>(services) && Registered<IConversationFactory>(services) && Registered<ScriptLibraries>(services))
            services.AddInboundCalls();
        return builder;
    }

    public static RouteGroupBuilder MapCallsApi(this RouteGroupBuilder api)
    {
        CallsApi.Map(api.MapGroup("/calls").WithTags("智能外呼"));
        return api;
    }

    /// The call options with the configured language model's name, stamped on every call record (7.2.5.2).
    private static CallsOptions WithLanguageModel(IServiceProvider sp)
    {
        var options = sp.GetRequiredService<IOptions<CallsOptions>>().Value;
        if (sp.GetService<Suifang.Agent.LanguageModel.ILanguageModelAssist>() is { IsAvailable: true } llm)
            options.LanguageModel = llm.Name;
        return options;
    }

    private static bool Registered<T>(IServiceCollection services) => services.Any(d => d.ServiceType == typeof(T));
}
