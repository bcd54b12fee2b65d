using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Suifang.Integrations.Tests.His;

/// A FHIR R4 server on 127.0.0.1 for the tests: serves search pages (page 1 at /fhir/Encounter, page n at
/// /fhir?page=n) and single resources at /fhir/{type}/{id}; can answer errors or stall for chosen pages.
internal sealed class FakeFhirServer : IAsyncDisposable
{
    public const string BasePlaceholder = "__BASE__";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<int, int> _hits = new();

    private FakeFhirServer(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;
    public List<string> Pages { get; } = [];

    /// The answer to an Observation search (critical labs); none answers 404 like a HIS without that search.
    public string? Observations { get; set; }
    public ConcurrentDictionary<string, string> Resources { get; } = new();
    public ConcurrentQueue<HttpRequestRecord> Requests { get; } = new();

    /// Page number → the status codes its first requests answer with, in order (then the page itself).
    public ConcurrentDictionary<int, Queue<int>> Failures { get; } = new();

    /// Page number → how long to wait before answering.
    public ConcurrentDictionary<int, TimeSpan> Delays { get; } = new();

    public int HitsOf(int page) => _hits.GetValueOrDefault(page);

    public static async Task<FakeFhirServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeFhirServer(app);
        app.MapGet("/fhir/Encounter", (Func<HttpContext, Task<IResult>>)(c => server.PageAsync(1, c)));
        app.MapGet("/fhir/Observation", (HttpContext c) => { server.Record(c); return server.Observations is { } o ? server.Fhir(o) : Results.NotFound(); });
        app.MapGet("/fhir", (Func<HttpContext, Task<IResult>>)(c => server.PageAsync(int.Parse(c.Request.Query["page"]!), c)));
        app.MapGet("/fhir/{type}/{id}", (string type, string id, HttpContext c) => server.ReadAsync($"{type}/{id}", c));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/fhir");
        return server;
    }

    /// Always failing pages: every request answers with this status.
    public void FailAlways(int page, int status) => Failures[page] = new Queue<int>(Enumerable.Repeat(status, 100));

    private async Task<IResult> PageAsync(int page, HttpContext c)
    {
        Record(c);
        _hits.AddOrUpdate(page, 1, (_, n) => n + 1);
        if (Delays.TryGetValue(page, out var delay))
            await Task.Delay(delay, c.RequestAborted);
        if (Failures.TryGetValue(page, out var queue) && queue.TryDequeue(out var status))
            return Results.Text("""{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"transient"}]}""", "application/fhir+json", statusCode: status);
        return Fhir(Pages[page - 1]);
    }

    private IResult ReadAsync(string key, HttpContext c)
    {
        Record(c);
        return Resources.TryGetValue(key, out var json) ? Fhir(json) : Results.NotFound();
    }

    private IResult Fhir(string json) =>
        Results.Text(json.Replace(BasePlaceholder, BaseUrl.ToString(), StringComparison.Ordinal), "application/fhir+json");

    private void Record(HttpContext c) =>
        Requests.Enqueue(new HttpRequestRecord(c.Request.Path + c.Request.QueryString, c.Request.Query["_lastUpdated"].ToString(), c.Request.Headers.Authorization.ToString()));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal sealed record HttpRequestRecord(string PathAndQuery, string LastUpdated, string Authorization);
