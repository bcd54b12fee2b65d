using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace Suifang.Integrations.Tests.His;

/// FHIR R4 resources as a HIS would send them, and search pages that hold them.
internal static class FhirResources
{
    public const string Icd10 = "http://hl7.org/fhir/sid/icd-10";
    public const string Mrn = "http://hospital.example.cn/mrn";
    public const string ResidentId = "urn:oid:2.16.156.10011.1.3";
    public const string ValidIdNumber = "330106195803072319";

    public static Patient Patient(string id, string phone = "13812345678", string family = "张", string given = "建国", string? idNumber = ValidIdNumber) => new()
    {
        Id = id,
        Identifier =
        [
            new Identifier(Mrn, $"MRN-{id}") { Type = new CodeableConcept("http://terminology.hl7.org/CodeSystem/v2-0203", "MR") },
            .. idNumber is null ? Array.Empty<Identifier>() : [new Identifier(ResidentId, idNumber)],
        ],
        Name = [new HumanName { Use = HumanName.NameUse.Official, Family = family, Given = [given] }],
        Gender = AdministrativeGender.Male,
        BirthDate = "1958-03-07",
        Telecom = [new ContactPoint(ContactPoint.ContactPointSystem.Phone, ContactPoint.ContactPointUse.Home, "0571-88886666"),
                   new ContactPoint(ContactPoint.ContactPointSystem.Phone, ContactPoint.ContactPointUse.Mobile, phone)],
        Contact =
        [
            new Patient.ContactComponent
            {
                Relationship = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/v3-RoleCode", "WIFE")],
                Name = new HumanName { Text = "李秀英" },
                Telecom = [new ContactPoint(ContactPoint.ContactPointSystem.Phone, ContactPoint.ContactPointUse.Mobile, "13900001111")],
            },
        ],
    };

    public static Organization Department(string id, string name) => new() { Id = id, Name = name };

    public static Practitioner Doctor(string id, string family, string given) =>
        new() { Id = id, Name = [new HumanName { Family = family, Given = [given] }] };

    public static Condition Condition(string id, string code, string name) => new()
    {
        Id = id,
        Code = new CodeableConcept(Icd10, code, name),
    };

    /// A stay; discharged when `end` is given. Times are FHIR instants (with offsets).
    public static Encounter Stay(string id, string patient, string start, string? end, DateTimeOffset lastUpdated,
        string department = "Organization/xnk", string doctor = "Practitioner/dr1", params (string Condition, int Rank)[] diagnoses) => new()
    {
        Id = id,
        Meta = new Meta { LastUpdated = lastUpdated },
        Identifier = [new Identifier("http://hospital.example.cn/visit", $"ZY-{id}") { Use = Identifier.IdentifierUse.Official }],
        Status = end is null ? Encounter.EncounterStatus.InProgress : Encounter.EncounterStatus.Finished,
        Class = new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "IMP"),
        Subject = new ResourceReference($"Patient/{patient}"),
        ServiceProvider = new ResourceReference(department),
        Participant =
        [
            new Encounter.ParticipantComponent
            {
                Type = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "ATND")],
                Individual = new ResourceReference(doctor),
            },
        ],
        Period = new Period(new FhirDateTime(start), end is null ? null : new FhirDateTime(end)),
        Diagnosis = diagnoses.Select(d => new Encounter.DiagnosisComponent { Condition = new ResourceReference(d.Condition), Rank = d.Rank }).ToList(),
    };

    public static Encounter Visit(string id, string patient, string start, DateTimeOffset lastUpdated, string condition = "Condition/c-visit") => new()
    {
        Id = id,
        Meta = new Meta { LastUpdated = lastUpdated },
        Identifier = [new Identifier("http://hospital.example.cn/visit", $"MZ-{id}")],
        Status = Encounter.EncounterStatus.Finished,
        Class = new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB"),
        Subject = new ResourceReference($"Patient/{patient}"),
        ServiceProvider = new ResourceReference("Organization/xnk"),
        Participant = [new Encounter.ParticipantComponent { Individual = new ResourceReference("Practitioner/dr1") }],
        Period = new Period(new FhirDateTime(start), new FhirDateTime(start)),
        ReasonReference = [new ResourceReference(condition)],
    };

    /// A searchset page: matches, then the resources they reference, and a link to page `next`.
    public static string Page(IEnumerable<Resource> matches, IEnumerable<Resource> includes, int? next, int? total = null)
    {
        var bundle = new Bundle { Type = Bundle.BundleType.Searchset, Total = total };
        foreach (var m in matches)
            bundle.Entry.Add(Entry(m, Bundle.SearchEntryMode.Match));
        foreach (var i in includes)
            bundle.Entry.Add(Entry(i, Bundle.SearchEntryMode.Include));
        bundle.Link.Add(new Bundle.LinkComponent { Relation = "self", Url = $"{FakeFhirServer.BasePlaceholder}/Encounter" });
        if (next is { } n)
            bundle.Link.Add(new Bundle.LinkComponent { Relation = "next", Url = $"{FakeFhirServer.BasePlaceholder}?page={n}" });
        return bundle.ToJson();
    }

    private static Bundle.EntryComponent Entry(Resource r, Bundle.SearchEntryMode mode) => new()
    {
        FullUrl = $"{FakeFhirServer.BasePlaceholder}/{r.TypeName}/{r.Id}",
        Resource = r,
        Search = new Bundle.SearchComponent { Mode = mode },
    };
}
