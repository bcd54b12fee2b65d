using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Suifang.Core.Common;
using Suifang.Core.Patients.HisSync;
using Suifang.Integrations.His;
using Suifang.Integrations.His.Fhir;

namespace Suifang.Integrations.Tests.His;

/// A FhirHisSource pointed at a FakeFhirServer, with short retry delays.
internal static class FhirSourceHarness
{
    public static readonly HospitalClock Clock = new(new FixedTime(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.FromHours(8))), HospitalClock.FindZone("Asia/Shanghai"));

    public static FhirHisSource Create(FakeFhirServer server, Action<FhirOptions>? configure = null)
    {
        var options = new HisOptions
        {
            Provider = HisProvider.Fhir,
            Fhir = new FhirOptions { BaseUrl = server.BaseUrl.ToString(), Token = "secret-token", Retries = 2, RetryDelayMilliseconds = 10, TimeoutSeconds = 5 },
        };
        configure?.Invoke(options.Fhir);
        var wrapped = Options.Create(options);
        var http = new FhirHttp(new OneClientFactory(options.Fhir.TimeoutSeconds), wrapped, NullLogger<FhirHttp>.Instance);
        return new FhirHisSource(http, wrapped, Clock);
    }

    public static async Task<List<HisBatch>> PullAllAsync(IHisSource source, DateTime since)
    {
        var batches = new List<HisBatch>();
        await foreach (var b in source.PullSinceAsync(since, CancellationToken.None))
            batches.Add(b);
        return batches;
    }

    /// Three pages of two outpatient visits each, the referenced resources included on every page.
    public static async Task<FakeFhirServer> ThreePagesAsync()
    {
        var server = await FakeFhirServer.StartAsync();
        for (var page = 1; page <= 3; page++)
        {
            var visits = Enumerable.Range(1, 2).Select(i => $"{page}{i}").ToList();
            server.Pages.Add(FhirResources.Page(
                visits.Select(v => FhirResources.Visit($"e{v}", $"p{v}", "2026-11-28T09:00:00+08:00", new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.FromHours(8)).AddMinutes(int.Parse(v)))),
                visits.Select(v => FhirResources.Patient($"p{v}", $"1381234{int.Parse(v):D4}", idNumber: null)).Concat(Cast()),
                next: page < 3 ? page + 1 : null, total: 6));
        }
        return server;
    }

    /// The common cast of a page: the cardiology department, its doctor and two diagnoses.
    public static Resource[] Cast() =>
    [
        FhirResources.Department("xnk", "心血管内科"),
        FhirResources.Doctor("dr1", "王", "建军"),
        FhirResources.Condition("c-visit", "I10", "原发性高血压"),
    ];

    private sealed class OneClientFactory(int timeoutSeconds) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new() { Timeout = TimeSpan.FromSeconds(timeoutSeconds) };
    }
}

internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}
