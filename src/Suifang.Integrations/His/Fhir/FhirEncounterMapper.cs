using Hl7.Fhir.Model;
using Suifang.Core.Patients.Writing;

namespace Suifang.Integrations.His.Fhir;

/// FHIR Encounter with its Patient, Practitioner, Organization and Conditions → a PatientRecord,
/// or the Chinese reason it cannot be one.
internal sealed class FhirEncounterMapper(FhirPatientMapper patients, FhirDiagnoses diagnoses, TimeZoneInfo zone)
{
    private static readonly string[] Inpatient = ["IMP", "ACUTE", "NONAC", "SS", "PRENC"];
    private static readonly string[] Outpatient = ["AMB", "EMER", "VR", "HH", "OBSENC", "FLD"];

    public (PatientRecord? Record, string? Reason) Map(Encounter e, IReadOnlyDictionary<string, FhirEntry> resources)
    {
        if (e.Status is Encounter.EncounterStatus.Cancelled or Encounter.EncounterStatus.EnteredInError)
            return (null, $"就诊状态为 {e.Status}（已取消或录入错误），不导入。");
        if (e.Status is Encounter.EncounterStatus.Planned)
            return (null, "就诊尚未发生（status=planned，预约），就诊后再导入。");
        var subject = FhirValues.KeyOf(e.Subject);
        if (subject is null || !subject.StartsWith("Patient/", StringComparison.Ordinal))
            return (null, "就诊没有指明患者（Encounter.subject 缺失或不是 Patient 引用），无法确定是谁的就诊。");
        var (patientResource, patientError) = Resolve<Patient>(subject, resources);
        if (patientResource is null)
            return (null, patientError);

        var code = e.Class?.Code?.Trim().ToUpperInvariant();
        var isStay = code is not null && Inpatient.Contains(code);
        if (!isStay && (code is null || !Outpatient.Contains(code)))
            return (null, $"就诊类别“{e.Class?.Code ?? "空"}”无法识别：应为 AMB（门诊）或 IMP（住院）。");

        var start = FhirValues.LocalTime(e.Period?.StartElement, zone);
        var end = FhirValues.LocalTime(e.Period?.EndElement, zone);
        var discharged = isStay && e.Status == Encounter.EncounterStatus.Finished && end is not null;

        var (primary, secondary, diagnosisError) = diagnoses.Of(e, resources);
        if (primary is null)
            return (null, diagnosisError);

        var department = ReferencedName<Organization>(e.ServiceProvider, resources, o => o.Name);
        var doctor = AttendingDoctor(e, resources);
        return (patients.Map(patientResource) with
        {
            Encounter = new EncounterRecord
            {
                VisitNumber = VisitNumber(e),
                VisitType = discharged ? "出院" : isStay ? "住院" : "门诊",
                Department = department,
                AttendingDoctor = doctor,
                VisitAt = start,
                DischargeAt = discharged ? end : null,
                PrimaryDiagnosisCode = primary.Code,
                PrimaryDiagnosisName = primary.Name,
                SecondaryDiagnoses = secondary,
            },
        }, null);
    }

    private static string? VisitNumber(Encounter e) =>
        (e.Identifier.FirstOrDefault(i => i.Use is Identifier.IdentifierUse.Official or Identifier.IdentifierUse.Usual && !string.IsNullOrWhiteSpace(i.Value))
            ?? e.Identifier.FirstOrDefault(i => !string.IsNullOrWhiteSpace(i.Value)))?.Value!.Trim() ?? e.Id;

    /// The attending (ATND) practitioner, else the primary performer, else the first practitioner taking part.
    private static string? AttendingDoctor(Encounter e, IReadOnlyDictionary<string, FhirEntry> resources)
    {
        var practitioners = e.Participant.Where(p => FhirValues.KeyOf(p.Individual)?.StartsWith("Practitioner/", StringComparison.Ordinal) == true).ToList();
        var chosen = practitioners.FirstOrDefault(p => p.Type.Any(t => FhirValues.HasCode(t, "ATND")))
            ?? practitioners.FirstOrDefault(p => p.Type.Any(t => FhirValues.HasCode(t, "PPRF")))
            ?? practitioners.FirstOrDefault();
        if (chosen is null)
            return null;
        return ReferencedName<Practitioner>(chosen.Individual, resources, p => FhirValues.NameOf(p.Name)) ?? chosen.Individual!.Display;
    }

    private static string? ReferencedName<T>(ResourceReference? reference, IReadOnlyDictionary<string, FhirEntry> resources, Func<T, string?> name)
        where T : Resource
    {
        var key = FhirValues.KeyOf(reference);
        var found = key is not null && resources.TryGetValue(key, out var entry) && entry.Resource is T r ? name(r) : null;
        return found ?? reference?.Display;
    }

    internal static (T? Resource, string? Error) Resolve<T>(string key, IReadOnlyDictionary<string, FhirEntry> resources) where T : Resource
    {
        if (!resources.TryGetValue(key, out var entry) || (entry.Resource is null && entry.Error is null))
            return (null, $"就诊引用的 {key} 在 HIS 中不存在。");
        if (entry.Resource is T typed)
            return (typed, null);
        return (null, $"就诊引用的 {key} 无法使用：{entry.Error ?? $"它不是 {typeof(T).Name} 资源"}");
    }
}
