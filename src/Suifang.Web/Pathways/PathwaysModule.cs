using Microsoft.EntityFrameworkCore;
using Suifang.Core.Common;
using Suifang.Core.Data;
using Suifang.Core.Pathways.Presets;

namespace Suifang.Web.Pathways;

internal static class PathwaysModule
{
    public static WebApplicationBuilder AddPathways(this WebApplicationBuilder builder)
    {
        builder.Services.AddHostedService<PresetStartup>();
        return builder;
    }
}

/// At start, every hospital's catalogue gets the presets it lacks (7.2.3.1 a). A hospital without departments yet gets
/// them at the next start, or when an admin clicks "补充预设路径".
internal sealed class PresetStartup(IServiceScopeFactory scopes, ILogger<PresetStartup> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SuifangDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<HospitalClock>();
        var hospitals = await db.Hospitals.Select(h => h.Id).ToListAsync(ct);
        foreach (var hospital in hospitals)
        {
            try
            {
                var added = await new PresetLoader(db, () => clock.Now).EnsureAsync(hospital, ct);
                if (added > 0)
                    log.LogInformation("Added {Count} preset pathways to hospital {Hospital}", added, hospital);
            }
            catch (DbUpdateException e)
            {
                // Another node started at the same moment and added them first (unique hospital + key + version).
                log.LogWarning(e, "Preset pathways of hospital {Hospital} were not added; another node probably did", hospital);
                db.ChangeTracker.Clear();
            }
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
