using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace Suifang.Integrations.His.Fhir;

/// A resource as read from the HIS: parsed, or the reason it could not be.
internal sealed record FhirEntry(string Key, Resource? Resource, string? Error, DateTimeOffset? LastUpdated);

/// One page of a search: its entries, parsed one by one so that one malformed resource
/// does not spoil the page, the link to the next page and the server's total.
internal sealed class FhirPage
{
    // Tolerates unknown elements and codes (HIS extensions, newer versions); refuses wrong structure and bad dates.
    private static readonly FhirJsonDeserializer Deserializer =
        new(new DeserializerSettings().UsingMode(DeserializationMode.BackwardsCompatible));

    // A mandatory element left out (e.g. Condition.subject inside an encounter's bundle) does not stop us using the rest.
    private const string MissingMandatoryElement = "PVAL105";

    public required IReadOnlyList<FhirEntry> Entries { get; init; }
    public Uri? Next { get; init; }
    public int? Total { get; init; }

    public static FhirPage Read(JsonDocument bundle, Uri baseUri)
    {
        var root = bundle.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("resourceType", out var type) || type.GetString() != "Bundle")
            throw new Core.Patients.HisSync.HisSourceException("HIS 服务器的查询结果不是 FHIR Bundle，请信息科确认 His:Fhir:BaseUrl 指向 FHIR R4 接口");
        var entries = new List<FhirEntry>();
        if (root.TryGetProperty("entry", out var list) && list.ValueKind == JsonValueKind.Array)
            foreach (var e in list.EnumerateArray())
                if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty("resource", out var r))
                    entries.Add(Parse(r));
        return new FhirPage
        {
            Entries = entries,
            Next = NextLink(root, baseUri),
            Total = root.TryGetProperty("total", out var t) && t.TryGetInt32(out var n) ? n : null,
        };
    }

    public static FhirEntry Parse(JsonElement json)
    {
        var key = $"{Text(json, "resourceType") ?? "未知资源"}/{Text(json, "id") ?? "无ID"}";
        DateTimeOffset? lastUpdated = json.TryGetProperty("meta", out var meta) && DateTimeOffset.TryParse(Text(meta, "lastUpdated"), out var at) ? at : null;
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json.GetRawText()));
        try
        {
            var parsed = Deserializer.TryDeserializeResource(ref reader, out var resource, out var issues);
            var serious = issues.Where(i => i.ErrorCode != MissingMandatoryElement).ToList();
            if (resource is not null && (parsed || serious.Count == 0))
                return new FhirEntry(key, resource, null, lastUpdated);
            var first = serious.FirstOrDefault()?.Message ?? "未知错误";
            return new FhirEntry(key, null, $"FHIR 资源格式错误，无法解析（{first}）", lastUpdated);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            return new FhirEntry(key, null, $"FHIR 资源格式错误，无法解析（{ex.Message}）", lastUpdated);
        }
    }

    private static Uri? NextLink(JsonElement root, Uri baseUri)
    {
        if (!root.TryGetProperty("link", out var links) || links.ValueKind != JsonValueKind.Array)
            return null;
        foreach (var link in links.EnumerateArray())
            if (Text(link, "relation") == "next" && Text(link, "url") is { Length: > 0 } url)
                return Uri.TryCreate(url, UriKind.Absolute, out var abs) ? abs : new Uri(baseUri, url);
        return null;
    }

    private static string? Text(JsonElement e, string property) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
