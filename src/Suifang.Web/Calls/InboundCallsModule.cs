using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Suifang.Agent.Telephony;
using Suifang.Core.Common;
using Suifang.Core.Data;
using Suifang.Core.Security;
using Suifang.Core.Tasks;
using Suifang.Core.Tasks.Engine;
using Suifang.Integrations.Calls;
using Suifang.Integrations.Telephony.Simulated;

namespace Suifang.Web.Calls;

/// 呼入: the inbound handler on the telephony's lines (SIP or the simulated network), and on the simulated network the
/// virtual patients who missed a call calling back (demo).
internal static class InboundCallsModule
{
    public static IServiceCollection AddInboundCalls(this IServiceCollection services) =>
        services.AddHostedService<InboundCallService>();
}

/// Registers the handler at start; on the simulated network, lets due call-backs ring every half minute.
/// Tests may take the dialogue engine or the AI call channel out of the host; then there is nothing to answer with.
internal sealed class InboundCallService(ITelephony telephony, IServiceProvider services, IOptions<CallsOptions> options,
    ILogger<InboundCallService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (telephony is not IInboundTelephony lines || services.GetServices<ITaskChannel>().OfType<AiCallChannel>().FirstOrDefault() is not { } channel)
            return;
        var inbound = new InboundCalls(services.GetRequiredService<IDbContextFactory<SuifangDbContext>>().CreateDbContext, channel,
            services.GetRequiredService<SensitiveDataProtector>(), () => services.GetRequiredService<HospitalClock>().Now,
            services.GetRequiredService<IOptions<TaskEngineOptions>>().Value, options.Value,
            services.GetRequiredService<ILogger<InboundCalls>>());
        lines.Answer(inbound.HandleAsync);
        if (telephony is not SimulatedTelephony simulated)
            return;
        simulated.CallBackPercent = options.Value.SimulatedCallBackPercent;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await simulated.CallBackDueAsync(DateTime.UtcNow, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning(ex, "A simulated call-back failed");
            }
        }
    }
}
