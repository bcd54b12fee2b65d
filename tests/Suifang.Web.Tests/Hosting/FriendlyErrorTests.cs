using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Suifang.Core.Data;
using Suifang.Testing;
using Suifang.Web.Hosting;

namespace Suifang.Web.Tests.Hosting;

/// 8.2.2: every error a user can meet says in Chinese what happened and what to do, with the id IT finds in the log —
/// never a stack trace, an exception type or an English framework message.
public sealed class FriendlyErrorTests
{
    private const string Secret = "SecretFailureDetail";

    private static SuifangWebFactory Start(TestDatabase db) => new(db, new Dictionary<string, string?> { ["Tasks:DispatcherEnabled"] = "false" },
        services => services.AddSingleton(new AdditionalEndpoints(app =>
        {
            app.MapGet("/api/test-failure", string () => throw new InvalidOperationException(Secret)).AllowAnonymous();
            app.MapGet("/test-failure", string () => throw new InvalidOperationException(Secret)).AllowAnonymous();
            app.MapPost("/api/test-echo", (EchoInput input) => input.Count).AllowAnonymous();
        })));

    public sealed record EchoInput(int Count);

    private static void AssertNothingTechnical(string body)
    {
        Assert.DoesNotContain(Secret, body);
        Assert.DoesNotContain("InvalidOperationException", body);
        Assert.DoesNotContain("Exception", body);
        Assert.DoesNotContain("   at ", body);
        Assert.DoesNotContain("Bad Request", body);
        Assert.DoesNotContain("Internal Server Error", body);
    }

    private static bool HasChinese(string text) => text.Any(c => c >= '\u4e00' && c <= '\u9fff');

    [Fact]
    public async Task A_failing_api_answers_chinese_problem_details_with_the_correlation_id_and_no_exception()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = Start(db);
        var response = await app.CreateClient().GetAsync("/api/test-failure");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        AssertNothingTechnical(body);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal("服务器处理请求时出错", problem.GetProperty("title").GetString());
        var id = Assert.Single(response.Headers.GetValues(Correlation.Header));
        Assert.Contains(id, problem.GetProperty("detail").GetString());
        Assert.Equal(id, problem.GetProperty("correlationId").GetString());
    }

    [Fact]
    public async Task A_failing_page_shows_the_chinese_error_page_with_the_id_from_the_log()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = Start(db);
        var response = await app.CreateClient().GetAsync("/test-failure");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        AssertNothingTechnical(body);
        Assert.Contains("出错了", body);
        Assert.Contains("信息科", body);
        Assert.Contains(Assert.Single(response.Headers.GetValues(Correlation.Header)), body);
    }

    [Fact]
    public async Task Unreadable_and_wrongly_typed_requests_are_explained_in_chinese()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = Start(db);
        var client = app.CreateClient();

        var badJson = await client.PostAsync("/api/test-echo", new StringContent("{\"count\": \"many\"", Encoding.UTF8, "application/json"));
        var badBody = await badJson.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, badJson.StatusCode);
        AssertNothingTechnical(badBody);
        Assert.Equal("请求的内容有误", JsonDocument.Parse(badBody).RootElement.GetProperty("title").GetString());

        var notJson = await client.PostAsync("/api/test-echo", new StringContent("count=1", Encoding.UTF8, "text/plain"));
        // Routing picks no endpoint for the wrong content type (415), and that answer falls under the sign-in policy (401):
        // either way the words are Chinese.
        Assert.Contains(notJson.StatusCode, new[] { HttpStatusCode.UnsupportedMediaType, HttpStatusCode.Unauthorized });
        var notJsonBody = await notJson.Content.ReadAsStringAsync();
        Assert.True(HasChinese(notJsonBody), notJsonBody);

        var unknownApi = await client.GetAsync("/api/no-such-thing");
        // Anonymous: the API asks to sign in first (401); signed in, it says there is no such endpoint (404).
        Assert.Contains(unknownApi.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Unauthorized });
        Assert.True(HasChinese(await unknownApi.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Error_statuses_of_pages_are_chinese_pages()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = Start(db);
        await StaffAccounts.CreateAsync(app.Services, "hs.errors", Suifang.Core.Accounts.Roles.Nurse);
        var client = await Admin.AdminClients.SignedInAsync(app, "hs.errors", StaffAccounts.Password);

        var missing = await client.GetAsync("/no-such-page");
        var missingBody = await missing.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("找不到这个页面", missingBody);

        var forbidden = await client.GetAsync("/status/403");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Contains("没有权限", await forbidden.Content.ReadAsStringAsync());
    }
}
