using System.Net;
using System.Text.Json;
using Suifang.Core.Data;
using Suifang.Testing;

namespace Suifang.Web.Tests.Hosting;

public sealed class HostTests
{
    [Theory, ClassData(typeof(Providers))]
    public async Task The_host_starts_on_a_new_database_and_reports_healthy(DatabaseProvider provider)
    {
        await using var app = await SuifangWebFactory.StartAsync(provider);
        var client = app.CreateClient();
        var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_api()
    {
        await using var app = await SuifangWebFactory.StartAsync(DatabaseProvider.Sqlite);
        var json = await app.CreateClient().GetStringAsync("/openapi/v1.json");
        using var doc = JsonDocument.Parse(json);
        Assert.Equal("随访平台 API", doc.RootElement.GetProperty("info").GetProperty("title").GetString());
        var api = await app.CreateClient().GetAsync("/scalar/v1");
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    [Fact]
    public async Task Pages_need_a_login_and_the_api_answers_401_without_one()
    {
        await using var app = await SuifangWebFactory.StartAsync(DatabaseProvider.Sqlite);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var page = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var api = await client.GetAsync("/api/patients");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task Metrics_are_exposed_for_prometheus()
    {
        await using var app = await SuifangWebFactory.StartAsync(DatabaseProvider.Sqlite);
        var client = app.CreateClient();
        await client.GetAsync("/health");
        var metrics = await client.GetStringAsync("/metrics");
        Assert.Contains("http_server_request_duration", metrics);
    }
}
