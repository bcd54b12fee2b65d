using Hl7.Fhir.Model;
using Suifang.Core.Alerts;

namespace Suifang.Integrations.His.Fhir;

/// Reads a critical lab result from a FHIR R4 Observation: interpretation AA (critical abnormal), LL (critical low),
/// HH (critical high) of v3-ObservationInterpretation, or a text saying critical/危急; anything else is not critical.
internal static class FhirObservationMapper
{
    private static readonly string[] CriticalCodes = ["AA", "LL", "HH", "critical"];

    /// hisIdOf turns the subject ("Patient/12") into the patient's HIS number as the patient pull stores it.
    public static CriticalLab? CriticalLabOf(Observation o, Func<string, string?> hisIdOf, TimeZoneInfo zone)
    {
        var interpretation = o.Interpretation.FirstOrDefault(i => FhirValues.HasCode(i, CriticalCodes)
            || (i.Text ?? "").Contains("critical", StringComparison.OrdinalIgnoreCase) || (i.Text ?? "").Contains("危急", StringComparison.Ordinal));
        if (interpretation is null || o.Status is ObservationStatus.Cancelled or ObservationStatus.EnteredInError)
            return null;
        var patient = FhirValues.KeyOf(o.Subject);
        var coding = o.Code?.Coding.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c.Code));
        if (patient is null || coding is null || string.IsNullOrWhiteSpace(o.Id))
            return null;
        var (value, unit) = o.Value switch
        {
            Quantity q => (q.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", q.Unit ?? q.Code),
            FhirString s => (s.Value ?? "", null),
            CodeableConcept c => (c.Text ?? c.Coding.FirstOrDefault()?.Display ?? "", null),
            _ => ("", null),
        };
        var code = interpretation.Coding.FirstOrDefault(c => CriticalCodes.Contains(c.Code ?? "", StringComparer.OrdinalIgnoreCase))?.Code ?? "critical";
        var label = code.ToUpperInvariant() switch { "LL" => "危急低值", "HH" => "危急高值", _ => "危急值" };
        var issued = o.Issued is { } at ? FhirValues.LocalTime(at, zone) : FhirValues.LocalTime(o.Effective as FhirDateTime, zone) ?? DateTime.MinValue;
        return new CriticalLab(hisIdOf(patient) ?? patient.Split('/')[^1], "Observation/" + o.Id, coding.Code!, o.Code?.Text ?? coding.Display ?? coding.Code!,
            value, unit, label, issued);
    }
}
