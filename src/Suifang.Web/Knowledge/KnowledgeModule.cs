using Microsoft.EntityFrameworkCore;
using Suifang.Agent.Knowledge;
using Suifang.Core.Common;
using Suifang.Core.Data;
using Suifang.Core.Knowledge.Presets;

namespace Suifang.Web.Knowledge;

/// The follow-up knowledge base (7.3.2.2): entries kept by nurses and doctors, the search the agent answers from.
internal static class KnowledgeModule
{
    public static WebApplicationBuilder AddKnowledge(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<KnowledgeBase>();
        builder.Services.AddSingleton<IKnowledgeSearch>(sp => sp.GetRequiredService<KnowledgeBase>());
        builder.Services.AddHostedService<KnowledgeStartup>();
        return builder;
    }

    public static RouteGroupBuilder MapKnowledgeApi(this RouteGroupBuilder api)
    {
        KnowledgeApi.Map(api.MapGroup("/knowledge").WithTags("随访知识库"));
        return api;
    }
}

/// At start: every hospital gets the preset entries it lacks, the index is built; then every 30 s the index follows
/// changes made on other nodes.
internal sealed class KnowledgeStartup(IServiceScopeFactory scopes, KnowledgeBase knowledge, ILogger<KnowledgeStartup> log) : BackgroundService
{
    public override async Task StartAsync(CancellationToken ct)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SuifangDbContext>();
            var clock = scope.ServiceProvider.GetRequiredService<HospitalClock>();
            foreach (var hospital in await db.Hospitals.Select(h => h.Id).ToListAsync(ct))
            {
                try
                {
                    await KnowledgePresets.EnsureAsync(db, hospital, clock.Now, ct);
                }
                catch (DbUpdateException e)
                {
                    log.LogWarning(e, "Preset knowledge of hospital {Hospital} was not added; another node probably did", hospital);
                    db.ChangeTracker.Clear();
                }
            }
        }
        await knowledge.RefreshAsync(force: true, ct);
        await base.StartAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30));
        while (await timer.WaitForNextTickAsync(ct))
        {
            try
            {
                await knowledge.RefreshAsync(force: false, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Knowledge index refresh failed; the previous index stays in use");
            }
        }
    }
}
