using Microsoft.EntityFrameworkCore;
using Suifang.Core.Common;
using Suifang.Core.Data;
using Suifang.Core.ManualFollowUp.Templates;

namespace Suifang.Web.ManualFollowUp;

internal static class ManualFollowUpModule
{
    /// Manual follow-up (人工随访, 5.1.4): the shipped forms loaded at start, the work queue, recording and template pages.
    /// The manual task channel itself is registered by the task engine (TasksModule).
    public static WebApplicationBuilder AddManualFollowUp(this WebApplicationBuilder builder)
    {
        builder.Services.AddHostedService<ManualTemplateStartup>();
        return builder;
    }

    public static RouteGroupBuilder MapManualApi(this RouteGroupBuilder api)
    {
        ManualApi.Map(api.MapGroup("/manual").WithTags("人工随访"));
        return api;
    }
}

/// At start, every hospital gets the shipped manual follow-up forms it lacks (for the departments it has).
internal sealed class ManualTemplateStartup(IServiceScopeFactory scopes, ILogger<ManualTemplateStartup> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SuifangDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<HospitalClock>();
        foreach (var hospital in await db.Hospitals.Select(h => h.Id).ToListAsync(ct))
        {
            try
            {
                var added = await new ManualTemplateLoader(db, () => clock.Now).EnsureAsync(hospital, ct);
                if (added > 0)
                    log.LogInformation("Added {Count} manual follow-up forms to hospital {Hospital}", added, hospital);
            }
            catch (DbUpdateException e)
            {
                // Another node started at the same moment and added them first (unique hospital + key + version).
                log.LogWarning(e, "Manual follow-up forms of hospital {Hospital} were not added; another node probably did", hospital);
                db.ChangeTracker.Clear();
            }
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
