using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Options;
using Suifang.Core.Alerts;
using Suifang.Core.Common;
using Suifang.Core.Patients.HisSync;

namespace Suifang.Integrations.His.Fhir;

/// The HIS through its FHIR R4 REST API. Query plan, one page per batch:
///   GET {base}/Encounter?_lastUpdated=ge{watermark}&amp;_sort=_lastUpdated&amp;_count={PageSize}
///       &amp;_include=Encounter:subject&amp;_include=Encounter:participant&amp;_include=Encounter:service-provider
///       &amp;_include=Encounter:diagnosis&amp;_include=Encounter:reason-reference
/// then Bundle.link[next] until there is none. A Patient, Practitioner, Organization or Condition that a
/// page references but does not include is read with GET {base}/{type}/{id}. "ge" rather than "gt": an
/// encounter updated at the very instant of the watermark may sit on the page after a failure; reading the
/// last instant twice is harmless because the writer de-duplicates. The batch watermark is the latest
/// meta.lastUpdated of its encounters, so the server must honour _sort=_lastUpdated (HAPI, Firely and most do).
internal sealed class FhirHisSource(FhirHttp http, IOptions<HisOptions> options, HospitalClock clock) : IHisSource, ICriticalLabSource
{
    private static readonly string[] Followed = ["Patient", "Practitioner", "Organization", "Condition"];

    private FhirOptions Options => options.Value.Fhir;

    public string Key
    {
        get
        {
            var key = "fhir:" + Options.BaseUrl!.TrimEnd('/');
            return key.Length <= 64 ? key : "fhir:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
        }
    }

    public string Description => $"FHIR R4 接口 {Options.BaseUrl}";

    public async IAsyncEnumerable<HisBatch> PullSinceAsync(DateTime watermark, [EnumeratorCancellation] CancellationToken ct)
    {
        var mapper = new FhirEncounterMapper(new FhirPatientMapper(Options), new FhirDiagnoses(Options), clock.Zone);
        var shared = new Dictionary<string, FhirEntry>(); // practitioners and departments recur on every page
        Uri? url = FirstPage(watermark);
        int? total = null;
        var mark = watermark;
        while (url is not null)
        {
            using var document = await http.GetAsync(url, ct)
                ?? throw new HisSourceException($"HIS 服务器没有 Encounter 查询接口（HTTP 404：{url.AbsolutePath}），请信息科核对 His:Fhir:BaseUrl");
            var page = FhirPage.Read(document, http.BaseUri);
            total ??= page.Total;
            var resources = new Dictionary<string, FhirEntry>(shared);
            foreach (var entry in page.Entries)
                resources[entry.Key] = entry;
            var encounters = page.Entries.Where(e => e.Key.StartsWith("Encounter/", StringComparison.Ordinal)).ToList();
            await ReadMissingAsync(encounters, resources, ct);
            foreach (var (key, entry) in resources)
                if (key.StartsWith("Practitioner/", StringComparison.Ordinal) || key.StartsWith("Organization/", StringComparison.Ordinal))
                    shared[key] = entry;

            var items = new List<HisItem>();
            var rejected = new List<HisRejection>();
            foreach (var entry in encounters)
            {
                if (entry.LastUpdated is { } updated && FhirValues.LocalTime(updated, clock.Zone) is var local && local > mark)
                    mark = local;
                if (entry.Resource is not Encounter encounter)
                {
                    rejected.Add(new HisRejection(entry.Key, entry.Error ?? "不是 Encounter 资源。"));
                    continue;
                }
                var (record, reason) = mapper.Map(encounter, resources);
                if (record is null)
                    rejected.Add(new HisRejection(entry.Key, reason!));
                else
                    items.Add(new HisItem(entry.Key, record));
            }
            yield return new HisBatch(items, rejected, mark) { ExpectedTotal = total };
            url = page.Next;
        }
    }

    /// Critical lab results (7.2.5.1 a): GET {base}/Observation?category=laboratory&amp;interpretation=AA,LL,HH
    ///     &amp;_lastUpdated=ge{watermark}&amp;_count={PageSize}&amp;_include=Observation:subject, page by page.
    public async IAsyncEnumerable<IReadOnlyList<CriticalLab>> PullCriticalLabsSinceAsync(DateTime watermark, [EnumeratorCancellation] CancellationToken ct)
    {
        var patients = new FhirPatientMapper(Options);
        Uri? url = new(http.BaseUri, $"Observation?category=laboratory&interpretation=AA,LL,HH&_lastUpdated=ge{Uri.EscapeDataString(Since(watermark))}"
            + $"&_count={Options.PageSize}&_include=Observation:subject");
        while (url is not null)
        {
            using var document = await http.GetAsync(url, ct);
            if (document is null)
                yield break;   // a HIS without an Observation search reports no critical labs
            var page = FhirPage.Read(document, http.BaseUri);
            var included = page.Entries.Where(e => e.Resource is Patient).ToDictionary(e => e.Key, e => (Patient)e.Resource!);
            string? HisIdOf(string key) => included.TryGetValue(key, out var p) ? patients.Map(p).HisPatientId : null;
            yield return page.Entries.Select(e => e.Resource).OfType<Observation>()
                .Select(o => FhirObservationMapper.CriticalLabOf(o, HisIdOf, clock.Zone)).OfType<CriticalLab>().ToList();
            url = page.Next;
        }
    }

    private string Since(DateTime watermark) =>
        new DateTimeOffset(watermark, clock.Zone.GetUtcOffset(watermark)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    private Uri FirstPage(DateTime watermark)
    {
        var since = new DateTimeOffset(watermark, clock.Zone.GetUtcOffset(watermark)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
        var query = $"Encounter?_lastUpdated=ge{Uri.EscapeDataString(since)}&_sort=_lastUpdated&_count={Options.PageSize}"
            + "&_include=Encounter:subject&_include=Encounter:participant&_include=Encounter:service-provider"
            + "&_include=Encounter:diagnosis&_include=Encounter:reason-reference";
        return new Uri(http.BaseUri, query);
    }

    private async System.Threading.Tasks.Task ReadMissingAsync(List<FhirEntry> encounters, Dictionary<string, FhirEntry> resources, CancellationToken ct)
    {
        var wanted = encounters.Select(e => e.Resource).OfType<Encounter>()
            .SelectMany(e => new[] { e.Subject, e.ServiceProvider }
                .Concat(e.Participant.Select(p => p.Individual))
                .Concat(e.Diagnosis.Select(d => d.Condition))
                .Concat(e.ReasonReference))
            .Select(FhirValues.KeyOf)
            .OfType<string>()
            .Where(k => Followed.Contains(k.Split('/')[0]) && !resources.ContainsKey(k))
            .Distinct()
            .ToList();
        foreach (var key in wanted)
        {
            using var document = await http.GetAsync(new Uri(http.BaseUri, key), ct);
            resources[key] = document is null ? new FhirEntry(key, null, null, null) : FhirPage.Parse(document.RootElement);
        }
    }
}
