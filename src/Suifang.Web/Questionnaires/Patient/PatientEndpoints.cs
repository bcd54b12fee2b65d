using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Common;
using Suifang.Core.Data;
using Suifang.Core.Questionnaires;
using Suifang.Core.Questionnaires.Links;

namespace Suifang.Web.Questionnaires.Patient;

/// /q/{token}: show (or the friendly page for a used, expired or unknown link) and save progress; the submission is
/// PatientSubmitEndpoint.
internal static class PatientEndpoints
{
    public static void Map(RouteGroupBuilder q)
    {
        q.MapGet("/{token}", ShowAsync);
        q.MapPost("/{token}/progress", ProgressAsync);
    }

    private static async Task<IResult> ShowAsync(string token, IDbContextFactory<SuifangDbContext> factory, QuestionnaireVersionCache cache,
        HospitalClock clock, HttpContext http, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var opened = await QuestionnaireLinks.OpenAsync(db, token, clock.Now, ct, cache: cache);
        NoStore(http);
        return Page(PatientPageModel.From(opened, token, QuestionnaireJson.ReadAnswers(opened.Link?.ProgressJson), []));
    }

    private static async Task<Results<NoContent, Conflict>> ProgressAsync(string token, IDbContextFactory<SuifangDbContext> factory,
        QuestionnaireVersionCache cache, HospitalClock clock, HttpRequest request, CancellationToken ct)
    {
        var answers = await AnswersAsync(request, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var state = await QuestionnaireLinks.SaveProgressAsync(db, token, answers, clock.Now, ct, cache);
        return state == LinkState.Open ? TypedResults.NoContent() : TypedResults.Conflict();
    }

    /// Form fields "a.{key}"; a multiple choice sends one field per ticked option, joined with ';'.
    public static async Task<Dictionary<string, string>> AnswersAsync(HttpRequest request, CancellationToken ct)
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!request.HasFormContentType)
            return answers;
        var form = await request.ReadFormAsync(ct);
        foreach (var (name, values) in form)
        {
            if (name.StartsWith("a.", StringComparison.Ordinal) && name.Length > 2)
                answers[name[2..]] = string.Join(';', values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()));
        }
        return answers;
    }

    private static RazorComponentResult<PatientQuestionnairePage> Page(PatientPageModel model) =>
        new(new Dictionary<string, object?> { [nameof(PatientQuestionnairePage.Model)] = model });

    public static void NoStore(HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["Referrer-Policy"] = "no-referrer"; // the token must not leak to other sites
        http.Response.Headers["X-Robots-Tag"] = "noindex";
    }
}
