using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Suifang.Bench;

/// questionnaire-submit --client-only: the same client against a bare Kestrel (no middleware, no DI scope, no database)
/// that reads the form and answers a fixed small JSON — what the benchmark's own client (HttpClient) costs, plus the
/// least Kestrel can do. Subtract it from the other runs' CPU per POST to get the server's share.
internal static class BareSubmitServer
{
    private static readonly byte[] Answer = """{"state":"done"}"""u8.ToArray();

    public static async Task<WebApplication> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet("/q/{token}", (HttpContext c) => c.Response.WriteAsync("<!DOCTYPE html><p>ok</p>"));
        app.MapPost("/q/{token}", async (HttpContext c) =>
        {
            await c.Request.ReadFormAsync();
            c.Response.ContentType = "application/json";
            await c.Response.Body.WriteAsync(Answer);
        });
        await app.StartAsync();
        return app;
    }

    public static string Url(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
}
