using Scalar.AspNetCore;
using Suifang.Web.Accounts;
using Suifang.Web.Components;

namespace Suifang.Web.Hosting;

internal static class Pipeline
{
    public static WebApplication UseSuifangPipeline(this WebApplication app)
    {
        app.UseCorrelationHeader();
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = ChineseProblems.ExceptionAsync });
        // 8.2.2: an empty error status gets Chinese words: problem details for the API, a small page for pages.
        app.UseStatusCodePages(ChineseProblems.StatusCodePageAsync);
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<MustChangePasswordMiddleware>();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapSuifangEndpoints(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference(o => o.WithTitle("随访平台 API")).AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapSuifangApi();
        // Endpoints other assemblies add through DI (AdditionalEndpoints), e.g. a test's failing endpoint.
        foreach (var extra in app.Services.GetServices<AdditionalEndpoints>())
            extra.Map(app);
        Questionnaires.QuestionnairesModule.MapQuestionnairePages(app);
        Sms.SmsCallbackEndpoints.Map(app);   // provider push (receipts, replies): anonymous, guarded by a secret path
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode()
            .AddAdditionalAssemblies(app.Services.GetServices<AdditionalPages>().Select(p => p.Assembly).Distinct().ToArray());
        return app;
    }
}
