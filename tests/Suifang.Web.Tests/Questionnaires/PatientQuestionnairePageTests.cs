using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suifang.Core.Common;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Questionnaires;
using Suifang.Core.Questionnaires.Links;
using Suifang.Core.Sms;
using Suifang.Core.Tasks.Engine;
using Suifang.Testing;
using Suifang.Testing.Sms;
using Suifang.Web.Questionnaires;

namespace Suifang.Web.Tests.Questionnaires;

/// The patient's page /q/{token} (5.1.4, 8.3.3): no login, no interactive circuit, progress, one submission, friendly
/// pages for expired and unknown links; and the questionnaire channel only where an SMS outbox exists.
public sealed class PatientQuestionnairePageTests
{
    internal static async Task<(string Token, long PatientId)> LinkAsync(SuifangWebFactory app, string scale, TimeSpan validFor)
    {
        var now = HospitalClock.ChinaStandard().Now;
        var department = await StaffAccounts.EnsureDepartmentAsync(app.Services, "XNK", "心血管内科");
        var patient = await HostPatients.AddAsync(app.Services, p => p.DischargedOn(now.AddDays(-3), department.Id));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SuifangDbContext>();
        var version = await db.QuestionnaireVersions.Include(v => v.Questionnaire).SingleAsync(v => v.Questionnaire!.Key == scale);
        var made = await QuestionnaireLinks.CreateAsync(db, new LinkRequest(patient.HospitalId, department.Id, patient.Id, version, validFor), now, default);
        return (made.Token, patient.Id);
    }

    internal static HttpClient Anonymous(SuifangWebFactory app) =>
        app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    internal static FormUrlEncodedContent Phq9(string each) =>
        new(Enumerable.Range(1, 9).Select(i => new KeyValuePair<string, string>($"a.phq9_{i}", each)));

    [Theory, ClassData(typeof(Providers))]
    public async Task Patient_page_needs_no_login_saves_progress_and_takes_one_submission(DatabaseProvider provider)
    {
        await using var app = await SuifangWebFactory.StartAsync(provider, new Dictionary<string, string?> { ["Tasks:DispatcherEnabled"] = "false" });
        var (token, patientId) = await LinkAsync(app, "phq-9", TimeSpan.FromDays(7));
        var client = Anonymous(app);

        var page = await client.GetAsync($"/q/{token}");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("PHQ-9", html);
        Assert.Contains("name=\"a.phq9_9\"", html);
        Assert.Contains("width=device-width", html);
        Assert.DoesNotContain("blazor.web.js", html); // static page: no circuit to keep open on a phone
        Assert.Equal("no-store", page.Headers.CacheControl?.ToString());

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/q/{token}/progress", new FormUrlEncodedContent([new("a.phq9_1", "2")]))).StatusCode);
        var reopened = await client.GetStringAsync($"/q/{token}");
        Assert.Matches("value=\"2\"[^>]*checked", reopened);

        var incomplete = await client.PostAsync($"/q/{token}", new FormUrlEncodedContent([new("a.phq9_1", "2")]));
        Assert.Contains("第 2 题还没有回答", await incomplete.Content.ReadAsStringAsync());

        var first = await client.PostAsync($"/q/{token}", Phq9("1"));
        var second = await client.PostAsync($"/q/{token}", Phq9("3"));
        // The thank-you page is the POST's own answer (no redirect and second request); a second tap gets it too.
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Contains("提交成功", await first.Content.ReadAsStringAsync());
        Assert.Contains("提交成功", await second.Content.ReadAsStringAsync());
        Assert.Contains("提交成功", await client.GetStringAsync($"/q/{token}"));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SuifangDbContext>();
        var response = await db.QuestionnaireResponses.SingleAsync(r => r.PatientId == patientId);
        Assert.Equal(9, response.Score);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_submission_the_database_could_not_store_asks_in_chinese_to_submit_again_and_keeps_the_answers(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var failing = new FailResponseInserts();
        await using var app = new SuifangWebFactory(database, new Dictionary<string, string?> { ["Tasks:DispatcherEnabled"] = "false" },
            s => s.AddSingleton(_ => new SubmissionWriter(() => database.NewContext(failing))));
        _ = app.Server;
        var (token, patientId) = await LinkAsync(app, "phq-9", TimeSpan.FromDays(7));
        var client = Anonymous(app);

        var refused = await client.PostAsync($"/q/{token}", Phq9("2"));
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Contains("提交没有成功", html);
        Assert.Contains("再点一次", html);
        Assert.Matches("value=\"2\"[^>]*checked", html); // the answers are still on the page

        failing.Enabled = false; // the database answers again; the patient taps once more
        var stored = await client.PostAsync($"/q/{token}", Phq9("2"));
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        Assert.Contains("提交成功", await stored.Content.ReadAsStringAsync());
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SuifangDbContext>();
        Assert.Equal(18, (await db.QuestionnaireResponses.SingleAsync(r => r.PatientId == patientId)).Score);
    }

    /// Fails the write of a submission while enabled, as an unreachable or failing database would: the claim of its link
    /// (the first write of stage 1's transaction; the responses themselves are inserted around EF's command pipeline).
    internal sealed class FailResponseInserts : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        public bool Enabled { get; set; } = true;

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int>> NonQueryExecutingAsync(
            System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData,
            Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(
            System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData,
            Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        private void Check(System.Data.Common.DbCommand command)
        {
            if (Enabled && (command.CommandText.Contains("INSERT INTO \"QuestionnaireResponses\"", StringComparison.Ordinal)
                            || (command.CommandText.Contains("UPDATE \"QuestionnaireLinks\"", StringComparison.Ordinal) && command.CommandText.Contains("\"SubmittedAt\"", StringComparison.Ordinal))))
                throw new InvalidOperationException("injected write failure");
        }
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Expired_and_tampered_links_show_a_friendly_chinese_page(DatabaseProvider provider)
    {
        await using var app = await SuifangWebFactory.StartAsync(provider, new Dictionary<string, string?> { ["Tasks:DispatcherEnabled"] = "false" });
        var (token, _) = await LinkAsync(app, "nrs-pain", TimeSpan.FromSeconds(-1));
        var client = Anonymous(app);

        var expired = await client.GetStringAsync($"/q/{token}");
        Assert.Contains("这个问卷链接已过期", expired);
        Assert.Contains("重新发送", expired);
        var tampered = await client.GetStringAsync($"/q/{token[..^2]}xx");
        Assert.Contains("打不开这个问卷", tampered);
        Assert.Contains("打不开这个问卷", await client.GetStringAsync("/q/%3Cscript%3E"));
        var refused = await client.PostAsync($"/q/{token}", new FormUrlEncodedContent([new("a.pain_score", "9")]));
        Assert.Contains("这个问卷链接已过期", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public void The_designer_links_to_a_help_article_that_explains_scales_and_logic()
    {
        var article = new Suifang.Web.Help.HelpCentre().Find("questionnaires");
        Assert.NotNull(article);
        Assert.Contains("PHQ-9", article.Markdown);
        Assert.Contains("跳转到", article.Markdown);
    }

    [Fact]
    public async Task The_host_sends_questionnaire_links_through_its_sms_outbox_with_the_real_questionnaire_channel()
    {
        await using var host = await SuifangWebFactory.StartAsync(DatabaseProvider.Sqlite);
        Assert.NotNull(host.Services.GetService<ISmsOutbox>());
        Assert.IsType<QuestionnaireChannel>(host.Services.GetRequiredService<TaskChannelSet>().For(ChannelKind.Questionnaire));
    }
}
