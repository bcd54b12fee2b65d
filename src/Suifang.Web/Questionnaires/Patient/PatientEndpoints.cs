using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Common;
using Suifang.Core.Data;
using Suifang.Core.Questionnaires;
using Suifang.Core.Questionnaires.Links;

namespace Suifang.Web.Questionnaires.Patient;

/// /q/{token}: show (or the friendly page for a used, expired or unknown link), save progress, submit once.
internal static class PatientEndpoints
{
    public static void Map(RouteGroupBuilder q)
    {
        q.MapGet("/{token}", ShowAsync);
        q.MapPost("/{token}/progress", ProgressAsync);
        q.MapPost("/{token}", SubmitAsync);
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

    /// One read of the link (the version comes from the cache), the answers checked and scored here, then the write
    /// queued to the SubmissionWriter, which commits it with whatever else is waiting. The thank-you page is the answer
    /// itself (no redirect and second request); a refresh submits again, which only shows the same page.
    private static async Task<IResult> SubmitAsync(string token, IDbContextFactory<SuifangDbContext> factory, QuestionnaireVersionCache cache,
        SubmissionWriter writer, HospitalClock clock, HttpContext http, CancellationToken ct)
    {
        var answers = await AnswersAsync(http.Request, ct);
        var now = clock.Now;
        await using var db = await factory.CreateDbContextAsync(ct);
        var prepared = await SubmitQuestionnaire.PrepareAsync(db, token, answers, now, ct, cache);
        var result = prepared.Answer ?? await writer.SubmitAsync(prepared.Pending!, ct);
        NoStore(http);
        if (result.Status is SubmitStatus.Accepted or SubmitStatus.AlreadySubmitted)
        {
            var done = prepared.Pending?.Link is { } link
                ? new OpenedLink(LinkState.Submitted, link, link.Version, await cache.HospitalNameAsync(db, link.HospitalId, ct))
                : await QuestionnaireLinks.OpenAsync(db, token, now, ct, cache: cache); // submitted before: its state says so
            return Page(PatientPageModel.From(done, token, answers, []));
        }
        var opened = await QuestionnaireLinks.OpenAsync(db, token, now, ct, cache: cache);
        if (result.Status == SubmitStatus.Failed && opened.State == LinkState.Open)
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable; // nothing stored; the page keeps the answers
        return Page(PatientPageModel.From(opened, token, answers, result.Problems ?? []));
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

    private static void NoStore(HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["Referrer-Policy"] = "no-referrer"; // the token must not leak to other sites
        http.Response.Headers["X-Robots-Tag"] = "noindex";
    }
}
