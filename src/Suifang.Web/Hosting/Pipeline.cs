using Scalar.AspNetCore;
using Suifang.Web.Accounts;
using Suifang.Web.Components;

namespace Suifang.Web.Hosting;

internal static class Pipeline
{
    public static WebApplication UseSuifangPipeline(this WebApplication app)
    {
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        // Pages get the friendly not-found page; the API keeps its status codes and problem details.
        app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api"),
            b => b.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
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
        Questionnaires.QuestionnairesModule.MapQuestionnairePages(app);
        Sms.SmsCallbackEndpoints.Map(app);   // provider push (receipts, replies): anonymous, guarded by a secret path
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
