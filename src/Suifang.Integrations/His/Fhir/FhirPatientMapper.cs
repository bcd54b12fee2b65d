using Hl7.Fhir.Model;
using Suifang.Core.Patients.Writing;

namespace Suifang.Integrations.His.Fhir;

/// FHIR Patient → the patient part of a PatientRecord.
internal sealed class FhirPatientMapper(FhirOptions options)
{
    private static readonly Dictionary<string, string> Relations = new(StringComparer.OrdinalIgnoreCase)
    {
        ["SPS"] = "配偶", ["HUSB"] = "丈夫", ["WIFE"] = "妻子", ["MTH"] = "母亲", ["FTH"] = "父亲",
        ["SON"] = "儿子", ["DAU"] = "女儿", ["CHILD"] = "子女", ["PRN"] = "父母", ["SIB"] = "兄弟姐妹",
        ["BRO"] = "兄弟", ["SIS"] = "姐妹", ["GRPRN"] = "祖父母", ["GRNDCHILD"] = "孙子女", ["FRND"] = "朋友",
        ["FAMMEMB"] = "家属", ["N"] = "近亲属", ["C"] = "紧急联系人", ["E"] = "雇主", ["GUARD"] = "监护人",
    };

    public PatientRecord Map(Patient p)
    {
        var contact = p.Contact.FirstOrDefault(c => FhirValues.PhoneOf(c.Telecom) is not null) ?? p.Contact.FirstOrDefault();
        return new PatientRecord
        {
            HisPatientId = MedicalRecordNumber(p) ?? p.Id,
            Name = FhirValues.NameOf(p.Name),
            Gender = p.Gender switch
            {
                AdministrativeGender.Male => "男",
                AdministrativeGender.Female => "女",
                _ => null,
            },
            BirthDate = DateOnly.TryParseExact(p.BirthDate, "yyyy-MM-dd", out var birth) ? birth : null,
            Phone = FhirValues.PhoneOf(p.Telecom),
            FamilyContactName = FhirValues.NameOf(contact?.Name),
            FamilyRelation = contact is null ? null : RelationOf(contact.Relationship),
            FamilyPhone = contact is null ? null : FhirValues.PhoneOf(contact.Telecom),
            IdNumber = Identifier(p, options.IdNumberSystems, "NI", "NNCHN"),
        };
    }

    private string? MedicalRecordNumber(Patient p) => Identifier(p, options.MrnSystems, "MR");

    private static string? Identifier(Patient p, List<string> systems, params string[] typeCodes) =>
        p.Identifier.FirstOrDefault(i => !string.IsNullOrWhiteSpace(i.Value) && i.Use != Hl7.Fhir.Model.Identifier.IdentifierUse.Old
            && ((i.System is not null && systems.Contains(i.System, StringComparer.OrdinalIgnoreCase)) || FhirValues.HasCode(i.Type, typeCodes)))
            ?.Value!.Trim();

    private static string? RelationOf(List<CodeableConcept> relationship)
    {
        foreach (var concept in relationship)
        {
            if (!string.IsNullOrWhiteSpace(concept.Text))
                return Short(concept.Text);
            foreach (var coding in concept.Coding)
                if (coding.Code is not null && Relations.TryGetValue(coding.Code, out var chinese))
                    return chinese;
            if (concept.Coding.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c.Display)) is { } display)
                return Short(display.Display!);
        }
        return null;
    }

    private static string Short(string text) => text.Trim().Length <= 16 ? text.Trim() : text.Trim()[..16];
}
