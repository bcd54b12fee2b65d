using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suifang.Core.Data;
using Suifang.Core.Questionnaires.Links;
using Suifang.Testing;
using static Suifang.Web.Tests.Questionnaires.PatientQuestionnairePageTests;

namespace Suifang.Web.Tests.Questionnaires;

/// The page's script submits with fetch and asks for a short JSON answer (issue #5: a thousand submissions at once):
/// the same checks, one idempotent submission and the Chinese "submit again" as the plain form post, without the page.
public sealed class PatientSubmitFetchTests
{
    private static async Task<(HttpStatusCode Status, JsonElement Answer)> FetchAsync(HttpClient client, string token, HttpContent form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/q/{token}") { Content = form };
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await client.SendAsync(request);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        // The endpoint short-circuits the middleware, so it sets the id the rest of the app sends (8.2.2) itself.
        Assert.False(string.IsNullOrEmpty(response.Headers.GetValues("X-Correlation-Id").Single()));
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Fetch_submission_answers_problems_then_done_once_and_done_again_on_a_double_tap(DatabaseProvider provider)
    {
        await using var app = await SuifangWebFactory.StartAsync(provider, new Dictionary<string, string?> { ["Tasks:DispatcherEnabled"] = "false" });
        var (token, patientId) = await LinkAsync(app, "phq-9", TimeSpan.FromDays(7));
        var client = Anonymous(app);

        var (status, incomplete) = await FetchAsync(client, token, new FormUrlEncodedContent([new("a.phq9_1", "2")]));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "invalid"), (status, incomplete.GetProperty("state").GetString()));
        var problems = incomplete.GetProperty("problems").EnumerateArray().ToList();
        Assert.Equal(8, problems.Count);
        Assert.Equal("phq9_2", problems[0].GetProperty("key").GetString());
        Assert.Contains("第 2 题还没有回答", problems[0].GetProperty("text").GetString());

        var taps = await Task.WhenAll(FetchAsync(client, token, Phq9("1")), FetchAsync(client, token, Phq9("3")));
        Assert.All(taps, t => Assert.Equal((HttpStatusCode.OK, "done"), (t.Status, t.Answer.GetProperty("state").GetString())));
        Assert.Contains("提交成功", await client.GetStringAsync($"/q/{token}"));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SuifangDbContext>();
        Assert.Single(await db.QuestionnaireResponses.Where(r => r.PatientId == patientId).ToListAsync());
        // Stage 2 (results, to-dos, the task) follows in the host's processor; the test drains it instead of waiting.
        await app.Services.GetRequiredService<ResponseProcessor>().DrainAsync();
        Assert.Equal("phq_9_score", (await db.FollowUpResults.SingleAsync(r => r.PatientId == patientId)).QuestionKey);
        Assert.Equal(0, await ResponseProcessor.BacklogAsync(db, CancellationToken.None));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Fetch_submission_the_database_could_not_store_answers_503_with_the_chinese_submit_again(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var failing = new FailResponseInserts();
        await using var app = new SuifangWebFactory(database, new Dictionary<string, string?> { ["Tasks:DispatcherEnabled"] = "false" },
            s => s.AddSingleton(_ => new SubmissionWriter(() => database.NewContext(failing))));
        _ = app.Server;
        var (token, _) = await LinkAsync(app, "phq-9", TimeSpan.FromDays(7));
        var client = Anonymous(app);

        var (status, refused) = await FetchAsync(client, token, Phq9("2"));
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "failed"), (status, refused.GetProperty("state").GetString()));
        Assert.Equal(SubmitResult.FailedMessage, refused.GetProperty("message").GetString());

        failing.Enabled = false;
        Assert.Equal("done", (await FetchAsync(client, token, Phq9("2"))).Answer.GetProperty("state").GetString());
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Fetch_submission_of_an_expired_or_unknown_link_says_so(DatabaseProvider provider)
    {
        await using var app = await SuifangWebFactory.StartAsync(provider, new Dictionary<string, string?> { ["Tasks:DispatcherEnabled"] = "false" });
        var (token, _) = await LinkAsync(app, "nrs-pain", TimeSpan.FromSeconds(-1));
        var client = Anonymous(app);

        var expired = await FetchAsync(client, token, new FormUrlEncodedContent([new("a.pain_score", "9")]));
        Assert.Equal((HttpStatusCode.Gone, "expired"), (expired.Status, expired.Answer.GetProperty("state").GetString()));
        var unknown = await FetchAsync(client, token[..^2] + "xx", new FormUrlEncodedContent([new("a.pain_score", "9")]));
        Assert.Equal((HttpStatusCode.NotFound, "unknown"), (unknown.Status, unknown.Answer.GetProperty("state").GetString()));
    }
}
