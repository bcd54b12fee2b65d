using Suifang.Core.Patients;
using Suifang.Core.Security;
using Suifang.Web.Demo;

namespace Suifang.Web.Tests.Demo;

public sealed class DemoPatientGeneratorTests
{
    private static readonly SensitiveDataProtector Protector = new(SensitiveDataProtector.NewMasterKey());

    private static List<Patient> Generate(int count)
    {
        var departments = DemoDepartments.All.Select((d, i) => new SeededDepartment(d, i + 1, d.EastCampus ? 2 : 1, ["张建国", "李丽", "王志强"])).ToList();
        var generator = new DemoPatientGenerator(departments, 1, new DateTime(2026, 11, 29, 10, 0, 0), Protector, DemoHospitalSeeder.Seed);
        return Enumerable.Range(0, count).Select(_ => generator.Next()).ToList();
    }

    [Fact]
    public void The_same_seed_gives_the_same_patients()
    {
        var first = Generate(200);
        var second = Generate(200);
        Assert.Equal(first.Select(p => (p.Name, p.PhoneMasked, p.Encounters[0].PrimaryDiagnosisCode)),
            second.Select(p => (p.Name, p.PhoneMasked, p.Encounters[0].PrimaryDiagnosisCode)));
    }

    [Fact]
    public void Diagnoses_match_the_department_and_obstetric_patients_are_women()
    {
        var patients = Generate(1000);
        foreach (var e in patients.SelectMany(p => p.Encounters))
        {
            var department = DemoDepartments.All[e.DepartmentId - 1];
            Assert.Contains(department.Diagnoses, d => d.Code == e.PrimaryDiagnosisCode && d.Name == e.PrimaryDiagnosisName);
        }
        Assert.All(patients.Where(p => p.Encounters.Any(e => e.DepartmentId == 12 && e.PrimaryDiagnosisCode.StartsWith('O'))),
            p => Assert.Equal(Gender.Female, p.Gender));
        Assert.True(patients.Select(p => p.Name[0]).Count(c => c is '王' or '李' or '张') > 150, "common surnames are common");
        Assert.Equal(patients.Count, patients.Select(p => p.IdentityKey).Distinct().Count());
    }

    [Theory]
    [InlineData("11010519491231002")]
    [InlineData("32010619850307123")]
    public void The_check_character_makes_a_valid_resident_id_number(string first17) =>
        Assert.True(ContactNumbers.IsValidIdNumber(first17 + DemoContacts.CheckCharacter(first17)));
}
