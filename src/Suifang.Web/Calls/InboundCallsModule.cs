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
    public static IServiceCollection AddInboundCalls(this IServiceCollection services)
    {
        services.AddSingleton(sp => new InboundCalls(
            sp.GetRequiredService<IDbContextFactory<SuifangDbContext>>().CreateDbContext,
            sp.GetServices<ITaskChannel>().OfType<AiCallChannel>().First(),
            sp.GetRequiredService<SensitiveDataProtector>(),
            () => sp.GetRequiredService<HospitalClock>().Now,
            sp.GetRequiredService<IOptions<TaskEngineOptions>>().Value,
            sp.GetRequiredService<IOptions<CallsOptions>>().Value,
            sp.GetRequiredService<ILogger<InboundCalls>>()));
        services.AddHostedService<InboundCallService>();
        return services;
    }
}

/// Registers the handler at start; on the simulated network, lets due call-backs ring every half minute.
internal sealed class InboundCallService(ITelephony telephony, InboundCalls inbound, IOptions<CallsOptions> options,
    ILogger<InboundCallService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (telephony is not IInboundTelephony lines)
            return;
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
