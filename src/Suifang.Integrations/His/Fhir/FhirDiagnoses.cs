using Hl7.Fhir.Model;
using Diagnosis = Suifang.Core.Patients.Diagnosis;

namespace Suifang.Integrations.His.Fhir;

/// An encounter's ICD-10 diagnoses: from Encounter.diagnosis (rank 1, else billing, discharge or admission use,
/// first), else from reasonReference and reasonCode. The first is the primary diagnosis.
internal sealed class FhirDiagnoses(FhirOptions options)
{
    private static readonly string[] StandardSystems = ["http://hl7.org/fhir/sid/icd-10", "urn:oid:2.16.840.1.113883.6.3"];

    public (Diagnosis? Primary, IReadOnlyList<Diagnosis> Secondary, string? Error) Of(Encounter e, IReadOnlyDictionary<string, FhirEntry> resources)
    {
        var concepts = new List<(CodeableConcept? Concept, string Source)>();
        string? brokenCondition = null;
        void AddCondition(ResourceReference? reference)
        {
            var key = FhirValues.KeyOf(reference);
            if (key is null || !key.StartsWith("Condition/", StringComparison.Ordinal))
                return;
            var (condition, error) = FhirEncounterMapper.Resolve<Condition>(key, resources);
            brokenCondition ??= error;
            if (condition is not null && condition.VerificationStatus?.Coding.Any(c => c.Code is "entered-in-error" or "refuted") != true)
                concepts.Add((condition.Code, key));
        }

        foreach (var d in e.Diagnosis.OrderBy(Order))
            AddCondition(d.Condition);
        foreach (var r in e.ReasonReference)
            AddCondition(r);
        concepts.AddRange(e.ReasonCode.Select(c => ((CodeableConcept?)c, "reasonCode")));

        var coded = new List<Diagnosis>();
        foreach (var (concept, _) in concepts)
            if (Icd10(concept) is { } d && coded.All(x => x.Code != d.Code))
                coded.Add(d);
        if (coded.Count == 0)
            return (null, [], brokenCondition is not null
                ? $"就诊没有可用的诊断：{brokenCondition}"
                : "就诊没有带 ICD-10 编码的诊断（Encounter.diagnosis / reasonReference 的 Condition.code 中找不到 ICD-10 编码），无法按病种安排随访。");
        return (coded[0], coded.Skip(1).ToList(), null);
    }

    private static int Order(Encounter.DiagnosisComponent d)
    {
        if (d.Rank == 1)
            return 0;
        if (FhirValues.HasCode(d.Use, "billing"))
            return 1;
        if (FhirValues.HasCode(d.Use, "DD"))
            return 2;
        if (FhirValues.HasCode(d.Use, "AD"))
            return 3;
        return 10 + (d.Rank ?? 100);
    }

    private Diagnosis? Icd10(CodeableConcept? concept)
    {
        var coding = concept?.Coding.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c.Code) && IsIcd10(c.System));
        if (coding is null)
            return null;
        var name = coding.Display ?? concept!.Text ?? coding.Code;
        return new Diagnosis { Code = coding.Code!.Trim().ToUpperInvariant(), Name = name!.Trim() };
    }

    private bool IsIcd10(string? system) =>
        system is not null && (StandardSystems.Contains(system, StringComparer.OrdinalIgnoreCase)
            || options.Icd10Systems.Contains(system, StringComparer.OrdinalIgnoreCase)
            || system.StartsWith("http://hl7.org/fhir/sid/icd-10", StringComparison.OrdinalIgnoreCase));
}
