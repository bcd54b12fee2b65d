using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Task = System.Threading.Tasks.Task;

namespace Suifang.Integrations.Tests.His;

public sealed class FhirMappingTests
{
    private static readonly DateTime Since = new(2026, 11, 28, 0, 0, 0);
    private static readonly DateTimeOffset Updated = new(2026, 11, 28, 8, 0, 0, TimeSpan.FromHours(8));

    private static Encounter DischargedStay() => FhirResources.Stay("e1", "p1", "2026-11-20T01:30:00Z", "2026-11-28T02:00:00Z", Updated,
        diagnoses: [("Condition/c2", 2), ("Condition/c1", 1), ("Condition/c3", 3)]);

    private static Resource[] StayCast() =>
    [
        FhirResources.Patient("p1"), FhirResources.Department("xnk", "心血管内科"), FhirResources.Doctor("dr1", "王", "建军"),
        FhirResources.Condition("c1", "I21.9", "急性心肌梗死"), FhirResources.Condition("c2", "E11.9", "2型糖尿病"),
        FhirResources.Condition("c3", "I10", "原发性高血压"),
    ];

    [Fact]
    public async Task A_discharged_stay_maps_every_field_in_hospital_time()
    {
        await using var server = await FakeFhirServer.StartAsync();
        server.Pages.Add(FhirResources.Page([DischargedStay()], StayCast(), next: null));

        var item = Assert.Single((await FhirSourceHarness.PullAllAsync(FhirSourceHarness.Create(server, o => o.MrnSystems = [FhirResources.Mrn]), Since)).Single().Items);

        var r = item.Record;
        Assert.Equal("Encounter/e1", item.Resource);
        Assert.Equal(("MRN-p1", "张建国", "男", new DateOnly(1958, 3, 7)), (r.HisPatientId, r.Name, r.Gender, r.BirthDate));
        Assert.Equal("13812345678", r.Phone); // the mobile number, not the home landline listed first
        Assert.Equal(("李秀英", "妻子", "13900001111"), (r.FamilyContactName, r.FamilyRelation, r.FamilyPhone));
        Assert.Equal(FhirResources.ValidIdNumber, r.IdNumber);
        var e = r.Encounter!;
        Assert.Equal(("ZY-e1", "出院", "心血管内科", "王建军"), (e.VisitNumber, e.VisitType, e.Department, e.AttendingDoctor));
        Assert.Equal(new DateTime(2026, 11, 20, 9, 30, 0), e.VisitAt);
        Assert.Equal(new DateTime(2026, 11, 28, 10, 0, 0), e.DischargeAt);
        Assert.Equal(("I21.9", "急性心肌梗死"), (e.PrimaryDiagnosisCode, e.PrimaryDiagnosisName));
        Assert.Equal(["E11.9 2型糖尿病", "I10 原发性高血压"], e.SecondaryDiagnoses.Select(d => $"{d.Code} {d.Name}"));
    }

    [Fact]
    public async Task Stays_still_in_hospital_and_outpatient_visits_map_to_their_visit_types()
    {
        await using var server = await FakeFhirServer.StartAsync();
        var inHospital = FhirResources.Stay("e2", "p1", "2026-11-27T08:00:00+08:00", null, Updated, diagnoses: [("Condition/c1", 1)]);
        var visit = FhirResources.Visit("e3", "p1", "2026-11-28T09:15:00+08:00", Updated);
        server.Pages.Add(FhirResources.Page([inHospital, visit], StayCast().Concat(FhirSourceHarness.Cast()), next: null));

        var items = (await FhirSourceHarness.PullAllAsync(FhirSourceHarness.Create(server), Since)).Single().Items;

        Assert.Equal(("住院", (DateTime?)null), (items[0].Record.Encounter!.VisitType, items[0].Record.Encounter!.DischargeAt));
        var outpatient = items[1].Record.Encounter!;
        Assert.Equal(("门诊", "MZ-e3", "I10"), (outpatient.VisitType, outpatient.VisitNumber, outpatient.PrimaryDiagnosisCode));
        Assert.Equal(new DateTime(2026, 11, 28, 9, 15, 0), outpatient.VisitAt);
        Assert.Null(outpatient.DischargeAt);
        Assert.Equal("MRN-p1", items[1].Record.HisPatientId); // no MRN system configured: the type code MR is enough
    }

    [Fact]
    public async Task Resources_a_page_does_not_include_are_read_one_by_one()
    {
        await using var server = await FakeFhirServer.StartAsync();
        server.Pages.Add(FhirResources.Page([DischargedStay()], [], next: null));
        foreach (var r in StayCast())
            server.Resources[$"{r.TypeName}/{r.Id}"] = r.ToJson();

        var item = Assert.Single((await FhirSourceHarness.PullAllAsync(FhirSourceHarness.Create(server), Since)).Single().Items);

        Assert.Equal(("张建国", "心血管内科", "I21.9"), (item.Record.Name, item.Record.Encounter!.Department, item.Record.Encounter.PrimaryDiagnosisCode));
        Assert.Contains(server.Requests, q => q.PathAndQuery == "/fhir/Patient/p1");
        Assert.Contains(server.Requests, q => q.PathAndQuery == "/fhir/Condition/c3");
    }

    [Fact]
    public async Task Malformed_resources_are_reported_by_id_with_a_reason_and_the_rest_is_kept()
    {
        await using var server = await FakeFhirServer.StartAsync();
        var noSubject = FhirResources.Visit("e-nosubject", "p1", "2026-11-28T10:00:00+08:00", Updated);
        noSubject.Subject = null;
        var noIcd = FhirResources.Visit("e-noicd", "p1", "2026-11-28T10:00:00+08:00", Updated, condition: "Condition/c-sct");
        var sct = new Condition { Id = "c-sct", Code = new CodeableConcept("http://snomed.info/sct", "38341003", "高血压") };
        var badPatient = FhirResources.Visit("e-badpatient", "p-bad", "2026-11-28T10:00:00+08:00", Updated);
        var planned = FhirResources.Visit("e-planned", "p1", "2026-12-05T10:00:00+08:00", Updated);
        planned.Status = Encounter.EncounterStatus.Planned;
        var page = JsonNode.Parse(FhirResources.Page(
            [FhirResources.Visit("e-good", "p1", "2026-11-28T09:00:00+08:00", Updated), noSubject, noIcd, badPatient, planned],
            [FhirResources.Patient("p1"), sct, .. FhirSourceHarness.Cast()], next: null))!;
        var entries = page["entry"]!.AsArray();
        entries.Add(JsonNode.Parse("""{"resource":{"resourceType":"Encounter","id":"e-baddate","meta":{"lastUpdated":"2026-11-28T09:00:00+08:00"},"status":"finished","class":{"code":"AMB"},"subject":{"reference":"Patient/p1"},"period":{"start":"not-a-date"}},"search":{"mode":"match"}}"""));
        entries.Add(JsonNode.Parse("""{"resource":{"resourceType":"Patient","id":"p-bad","gender":5},"search":{"mode":"include"}}"""));
        server.Pages.Add(page.ToJsonString());

        var batch = (await FhirSourceHarness.PullAllAsync(FhirSourceHarness.Create(server), Since)).Single();

        Assert.Equal("Encounter/e-good", Assert.Single(batch.Items).Resource);
        var reasons = batch.Rejected.ToDictionary(r => r.Resource, r => r.Reason);
        Assert.Equal(5, reasons.Count);
        Assert.Contains("没有指明患者", reasons["Encounter/e-nosubject"]);
        Assert.Contains("ICD-10", reasons["Encounter/e-noicd"]);
        Assert.Contains("Patient/p-bad", reasons["Encounter/e-badpatient"]);
        Assert.Contains("格式错误", reasons["Encounter/e-badpatient"]);
        Assert.Contains("格式错误", reasons["Encounter/e-baddate"]);
        Assert.Contains("尚未发生", reasons["Encounter/e-planned"]);
    }
}
