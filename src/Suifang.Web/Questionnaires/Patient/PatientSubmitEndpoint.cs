using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Common;
using Suifang.Core.Data;
using Suifang.Core.Questionnaires.Links;

namespace Suifang.Web.Questionnaires.Patient;

/// POST /q/{token}: the one final submission, kept lean because a thousand patients may press "submit" at once (issue #5).
/// It short-circuits the middleware (no login, cookie, localisation or antiforgery applies to an anonymous link guarded
/// by its unguessable token, so it sets its own X-Correlation-Id), reads the form and queues (token, answers, now) to the
/// SubmissionWriter, which reads, checks and stores the whole batch (stage 1), and answers only after that group
/// commit; no database access of its own. Results, to-dos and the task's completion follow in the ResponseProcessor. The page's script
/// posts with fetch and asks for a short JSON answer ("Accept: application/json") that it shows in place; a phone
/// without JavaScript posts the plain form and gets the page back (thank-you page, or the form with its problems).
internal static class PatientSubmitEndpoint
{
    /// The form fallback cannot keep the answers on screen when the link itself could not be read.
    public const string NotReadMessage = "提交没有成功：系统暂时没能读取这个问卷。请返回上一页，稍等片刻后再点一次“提交”。";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/q/{token}", SubmitAsync).ShortCircuit().ExcludeFromDescription();

    private static async Task SubmitAsync(string token, HttpContext http, IDbContextFactory<SuifangDbContext> factory,
        QuestionnaireVersionCache cache, SubmissionWriter writer, HospitalClock clock, ILogger<SubmissionWriter> log)
    {
        var ct = http.RequestAborted;
        var json = WantsJson(http.Request);
        PatientEndpoints.NoStore(http);
        http.Response.Headers[Hosting.Correlation.Header] = Hosting.Correlation.Of(http);
        try
        {
            var answers = await PatientEndpoints.AnswersAsync(http.Request, ct);
            var now = clock.Now;
            var result = await writer.SubmitAsync(new Submission(token, answers, now), ct);
            if (json)
                await WriteAsync(http, Answer(result), ct);
            else
                await PageAsync(http, token, answers, result, factory, cache, now, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested && !http.Response.HasStarted)
        {
            // Nothing of it was stored (the write is acknowledged only after its commit): the patient submits again.
            log.LogError(e, "A questionnaire submission could not be handled; the patient was asked to submit again");
            http.Response.Clear();
            PatientEndpoints.NoStore(http);
            http.Response.Headers[Hosting.Correlation.Header] = Hosting.Correlation.Of(http);
            if (json)
                await WriteAsync(http, new SubmitAnswer("failed", StatusCodes.Status503ServiceUnavailable, SubmitResult.FailedMessage), ct);
            else
                await Results.Content($"<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><p>{NotReadMessage}</p></html>",
                    "text/html; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(http);
        }
    }

    private static bool WantsJson(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase);

    /// What the page's script needs to show the outcome: the state, and the problems or the message to put on the page.
    public static SubmitAnswer Answer(SubmitResult result) => result.Status switch
    {
        SubmitStatus.Accepted or SubmitStatus.AlreadySubmitted => new("done", StatusCodes.Status200OK, Critical: result.Critical ? true : null),
        SubmitStatus.Expired => new("expired", StatusCodes.Status410Gone),
        SubmitStatus.Unknown => new("unknown", StatusCodes.Status404NotFound),
        SubmitStatus.Invalid => new("invalid", StatusCodes.Status422UnprocessableEntity,
            Problems: (result.Problems ?? []).Select(p => new SubmitProblem(p.Key, p.Problem)).ToList()),
        _ => new("failed", StatusCodes.Status503ServiceUnavailable, SubmitResult.FailedMessage),
    };

    private static Task WriteAsync(HttpContext http, SubmitAnswer answer, CancellationToken ct)
    {
        http.Response.StatusCode = answer.Status;
        return http.Response.WriteAsJsonAsync(answer, PatientJson.Default.SubmitAnswer, "application/json; charset=utf-8", ct);
    }

    /// The form post of a phone without JavaScript: the page itself is the answer (no redirect and second request); a
    /// refresh submits again, which only shows the same thank-you page.
    private static async Task PageAsync(HttpContext http, string token, Dictionary<string, string> answers,
        SubmitResult result, IDbContextFactory<SuifangDbContext> factory, QuestionnaireVersionCache cache, DateTime now, CancellationToken ct)
    {
        // The fallback reads the link once more for the page (title, hospital, its state): not the fetch path of a burst.
        await using var db = await factory.CreateDbContextAsync(ct);
        var opened = await QuestionnaireLinks.OpenAsync(db, token, now, ct, cache: cache);
        if (result.Status is SubmitStatus.Accepted or SubmitStatus.AlreadySubmitted)
        {
            await Page(PatientPageModel.From(opened with { State = LinkState.Submitted }, token, answers, []) with { Safety = result.Critical }).ExecuteAsync(http);
            return;
        }
        if (result.Status == SubmitStatus.Failed && opened.State == LinkState.Open)
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable; // nothing stored; the page keeps the answers
        await Page(PatientPageModel.From(opened, token, answers, result.Problems ?? [])).ExecuteAsync(http);
    }

    private static RazorComponentResult<PatientQuestionnairePage> Page(PatientPageModel model) =>
        new(new Dictionary<string, object?> { [nameof(PatientQuestionnairePage.Model)] = model });
}

/// The fetch answer: state is done, expired, unknown, invalid (Problems per question key) or failed (Message); Critical
/// (true or left out) when "done" follows a critical answer, so the page shows its safety message.
internal sealed record SubmitAnswer(string State, [property: JsonIgnore] int Status, string? Message = null, IReadOnlyList<SubmitProblem>? Problems = null,
    bool? Critical = null);

internal sealed record SubmitProblem(string Key, string Text);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SubmitAnswer))]
internal sealed partial class PatientJson : JsonSerializerContext;
