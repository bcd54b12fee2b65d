using Hl7.Fhir.Model;

namespace Suifang.Integrations.His.Fhir;

/// Small readings of FHIR values shared by the mappers.
internal static class FhirValues
{
    /// "Patient/12", "https://his/fhir/Patient/12/_history/3" → "Patient/12"; null when not a resource reference.
    public static string? KeyOf(ResourceReference? reference)
    {
        var text = reference?.Reference;
        if (string.IsNullOrWhiteSpace(text) || text.StartsWith('#'))
            return null;
        var parts = text.Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
        var history = parts.IndexOf("_history");
        if (history >= 0)
            parts = parts[..history];
        return parts.Count >= 2 ? $"{parts[^2]}/{parts[^1]}" : null;
    }

    /// A FHIR dateTime as hospital wall-clock time; values without an offset are taken as hospital time.
    public static DateTime? LocalTime(FhirDateTime? value, TimeZoneInfo zone)
    {
        if (value?.Value is null)
            return null;
        var offset = zone.GetUtcOffset(DateTime.UtcNow);
        if (!value.TryToDateTimeOffset(offset, out var at))
            return null;
        return DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(at, zone).DateTime, DateTimeKind.Unspecified);
    }

    public static DateTime LocalTime(DateTimeOffset at, TimeZoneInfo zone) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(at, zone).DateTime, DateTimeKind.Unspecified);

    /// Chinese names are written family + given without a space; others "given family".
    public static string? NameOf(IEnumerable<HumanName> names)
    {
        var list = names.ToList();
        var name = list.FirstOrDefault(n => n.Use is HumanName.NameUse.Official or HumanName.NameUse.Usual) ?? list.FirstOrDefault();
        return name is null ? null : NameOf(name);
    }

    public static string? NameOf(HumanName? name)
    {
        if (name is null)
            return null;
        if (!string.IsNullOrWhiteSpace(name.Text))
            return name.Text.Trim();
        var family = name.Family?.Trim() ?? "";
        var given = string.Concat(name.Given.Select(g => g?.Trim()));
        if (family.Length + given.Length == 0)
            return null;
        return family.Any(IsCjk) || given.Any(IsCjk) ? family + given : $"{string.Join(' ', name.Given.OfType<string>())} {family}".Trim();
    }

    public static string? PhoneOf(IEnumerable<ContactPoint> telecom)
    {
        var phones = telecom.Where(t => t.System == ContactPoint.ContactPointSystem.Phone && t.Use != ContactPoint.ContactPointUse.Old
            && !string.IsNullOrWhiteSpace(t.Value)).ToList();
        return (phones.FirstOrDefault(t => t.Use == ContactPoint.ContactPointUse.Mobile) ?? phones.FirstOrDefault())?.Value?.Trim();
    }

    public static bool HasCode(CodeableConcept? concept, params string[] codes) =>
        concept?.Coding.Any(c => c.Code is not null && codes.Contains(c.Code, StringComparer.OrdinalIgnoreCase)) == true;

    private static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff';
}
