using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Localization;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Suifang.Core.Data;

namespace Suifang.Web.Hosting;

internal static class HostModule
{
    public static WebApplicationBuilder AddSuifangHost(this WebApplicationBuilder builder)
    {
        if (builder.Configuration["Logging:Format"] == "json")
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        else
            builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("suifang"))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(Suifang.Core.Observability.SuifangMetrics.Name)
                .AddPrometheusExporter());
        // Traces only when there is somewhere to send them: without an exporter every request would still build and
        // sample its activities for nobody (seen while profiling the questionnaire submit path, issue #5).
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            otel.WithTracing(t => t
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddSource(Suifang.Core.Observability.SuifangMetrics.Name))
                .UseOtlpExporter();

        // Chinese text is written as characters, not &#x..; entities: smaller pages, readable source.
        builder.Services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        var dataDirectory = builder.Configuration["Suifang:DataDirectory"] ?? "./data";
        builder.Services.AddDataProtection()
            .SetApplicationName("suifang")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys", "dataprotection")));

        builder.Services.AddHealthChecks().AddDbContextCheck<SuifangDbContext>("database");
        builder.Services.AddLocalization();
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            var zh = new CultureInfo("zh-CN");
            o.DefaultRequestCulture = new RequestCulture(zh);
            o.SupportedCultures = [zh];
            o.SupportedUICultures = [zh];
        });
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ChineseProblems.Customize);
        return builder;
    }

    public static WebApplicationBuilder AddSuifangData(this WebApplicationBuilder builder)
    {
        builder.Services.AddSuifangData(builder.Configuration);
        return builder;
    }
}
