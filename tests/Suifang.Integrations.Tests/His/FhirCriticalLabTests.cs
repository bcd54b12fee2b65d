using Hl7.Fhir.Model;
using Suifang.Core.Alerts;
using Task = System.Threading.Tasks.Task;

namespace Suifang.Integrations.Tests.His;

/// Critical lab results from the HIS (7.2.5.1 a): Observations whose interpretation is AA, LL or HH, in the shape of
/// FHIR R4, with the patient's HIS number as the patient pull stores it.
public sealed class FhirCriticalLabTests
{
    private static Observation Lab(string id, string code, string name, decimal value, string unit, string? interpretation) => new()
    {
        Id = id,
        Status = ObservationStatus.Final,
        Category = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/observation-category", "laboratory")],
        Code = new CodeableConcept("http://loinc.org", code, name) { Text = name },
        Subject = new ResourceReference("Patient/p1"),
        Issued = new DateTimeOffset(2026, 11, 29, 1, 30, 0, TimeSpan.Zero),
        Value = new Quantity(value, unit),
        Interpretation = interpretation is null ? new List<CodeableConcept>()
            : new List<CodeableConcept> { new("http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", interpretation) },
    };

    [Fact]
    public async Task Critical_observations_are_read_with_the_patients_HIS_number_and_normal_or_merely_high_ones_are_not()
    {
        await using var server = await FakeFhirServer.StartAsync();
        server.Observations = FhirResources.Page(
            [Lab("o1", "2823-3", "血钾", 6.8m, "mmol/L", "HH"), Lab("o2", "2345-7", "血糖", 6.1m, "mmol/L", "N"),
             Lab("o3", "2345-7", "血糖", 12m, "mmol/L", "H"), Lab("o4", "2345-7", "血糖", 2.2m, "mmol/L", "LL")],
            [FhirResources.Patient("p1")], next: null);
        var source = FhirSourceHarness.Create(server, o => o.MrnSystems = [FhirResources.Mrn]);

        var labs = new List<CriticalLab>();
        await foreach (var batch in source.PullCriticalLabsSinceAsync(new DateTime(2026, 11, 28), CancellationToken.None))
            labs.AddRange(batch);

        Assert.Equal(["Observation/o1", "Observation/o4"], labs.Select(l => l.ObservationId));
        var k = labs[0];
        Assert.Equal(("MRN-p1", "2823-3", "血钾", "6.8", "mmol/L", "危急高值"), (k.HisPatientId, k.Code, k.Name, k.Value, k.Unit, k.Interpretation));
        Assert.Equal(new DateTime(2026, 11, 29, 9, 30, 0), k.IssuedAt);
        Assert.Equal("危急低值", labs[1].Interpretation);
        Assert.Contains(server.Requests, r => r.PathAndQuery.StartsWith("/fhir/Observation?category=laboratory&interpretation=AA,LL,HH", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_HIS_without_an_Observation_search_reports_no_critical_labs()
    {
        await using var server = await FakeFhirServer.StartAsync();
        var source = FhirSourceHarness.Create(server);
        var batches = 0;
        await foreach (var _ in source.PullCriticalLabsSinceAsync(new DateTime(2026, 11, 28), CancellationToken.None))
            batches++;
        Assert.Equal(0, batches);
    }
}
