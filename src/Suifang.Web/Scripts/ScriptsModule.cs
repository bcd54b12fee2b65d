using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Suifang.Core.Common;
using Suifang.Core.Data;
using Suifang.Core.Scripts.Editing;
using Suifang.Core.Scripts.Templates;
using Suifang.Integrations.Scripts;

namespace Suifang.Web.Scripts;

internal static class ScriptsModule
{
    public static WebApplicationBuilder AddScripts(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IScriptContentChecker, AgentScriptChecker>();
        builder.Services.AddSingleton<ScriptLibraries>();
        builder.Services.AddSingleton<ScriptCommands>();
        builder.Services.AddHostedService<ScriptTemplateStartup>();
        return builder;
    }
}

/// At start, every hospital's script library gets the templates it lacks, published (like the preset pathways).
internal sealed class ScriptTemplateStartup(IServiceScopeFactory scopes, ILogger<ScriptTemplateStartup> log) : IHostedService
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
                var added = await new ScriptTemplateLoader(db, () => clock.Now).EnsureAsync(hospital, ct);
                if (added > 0)
                    log.LogInformation("Added {Count} script templates to hospital {Hospital}", added, hospital);
            }
            catch (DbUpdateException e)
            {
                // Another node started at the same moment and added them first (unique hospital + key + version).
                log.LogWarning(e, "Script templates of hospital {Hospital} were not added; another node probably did", hospital);
                db.ChangeTracker.Clear();
            }
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
