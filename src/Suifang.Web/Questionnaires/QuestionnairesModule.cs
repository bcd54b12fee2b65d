using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Suifang.Core.Common;
using Suifang.Core.Data;
using Suifang.Core.Questionnaires;
using Suifang.Core.Questionnaires.Links;
using Suifang.Core.Security;
using Suifang.Core.Sms;
using Suifang.Core.Tasks;
using Suifang.Web.Questionnaires.Patient;

namespace Suifang.Web.Questionnaires;

internal static class QuestionnairesModule
{
    /// Questionnaires: designer and results pages, the patient page /q/{token}, standard scales installed at start, and
    /// the questionnaire channel in place of the task engine's stand-in — once an SMS outbox (ISmsOutbox) is registered,
    /// i.e. the SMS module comes before this line in Program.cs. Without one, questionnaire tasks stay simulated.
    public static WebApplicationBuilder AddQuestionnaires(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<QuestionnaireOptions>().BindConfiguration(QuestionnaireOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHostedService<ScaleStartup>();
        builder.Services.AddSingleton<QuestionnaireVersionCache>();
        builder.Services.AddSingleton(sp => new SubmissionWriter(sp.GetRequiredService<IDbContextFactory<SuifangDbContext>>().CreateDbContext,
            sp.GetRequiredService<QuestionnaireVersionCache>(), sp.GetRequiredService<ILogger<SubmissionWriter>>(),
            stored: sp.GetRequiredService<ResponseProcessor>().Notify));
        builder.AddResponseProcessing();
        if (builder.Services.Any(d => d.ServiceType == typeof(ISmsOutbox)))
            builder.Services.AddQuestionnaireChannel();
        return builder;
    }

    public static IServiceCollection AddQuestionnaireChannel(this IServiceCollection services) =>
        services.AddSingleton<ITaskChannel>(sp => new QuestionnaireChannel(
            sp.GetRequiredService<IDbContextFactory<SuifangDbContext>>().CreateDbContext, sp.GetRequiredService<ISmsOutbox>(),
            sp.GetRequiredService<SensitiveDataProtector>(), () => sp.GetRequiredService<HospitalClock>().Now,
            sp.GetRequiredService<IOptions<QuestionnaireOptions>>().Value));

    public static RouteGroupBuilder MapQuestionnairesApi(this RouteGroupBuilder api)
    {
        QuestionnairesApi.Map(api.MapGroup("/questionnaires").WithTags("问卷"));
        return api;
    }

    /// The patient's page: no login, no interactive circuit (static server rendering), its own light HTML.
    public static WebApplication MapQuestionnairePages(this WebApplication app)
    {
        PatientEndpoints.Map(app.MapGroup("/q").AllowAnonymous().DisableAntiforgery().ExcludeFromDescription());
        PatientSubmitEndpoint.Map(app);
        QuestionnairePreviewEndpoint.Map(app);
        return app;
    }
}

/// At start, every hospital gets the standard scales it lacks, published.
internal sealed class ScaleStartup(IServiceScopeFactory scopes, ILogger<ScaleStartup> log) : IHostedService
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
                await QuestionnaireCatalogue.InstallScalesAsync(db, hospital, clock.Now, ct);
            }
            catch (DbUpdateException e)
            {
                log.LogWarning(e, "Standard scales of hospital {Hospital} were not added; another node probably did", hospital);
                db.ChangeTracker.Clear();
            }
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
