using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Audit;
using Suifang.Core.Data;
using Suifang.Core.Patients;
using Suifang.Core.Security;

namespace Suifang.Core.Tests.Audit;

public sealed class SnapshotJsonTests
{
    [Fact]
    public void A_new_rows_snapshot_written_from_the_object_is_the_text_the_serializer_gives_for_its_values()
    {
        using var db = new SqliteSuifangDbContext(new DbContextOptionsBuilder<SqliteSuifangDbContext>().UseSqlite("Data Source=:memory:").Options);
        var protector = new SensitiveDataProtector(SensitiveDataProtector.NewMasterKey());
        var patient = new Patient
        {
            Id = 7, HospitalId = 1, CampusId = 2, Name = "欧阳\"小\\明\"<b>", Gender = Gender.Female, BirthDate = new DateOnly(1958, 3, 12),
            BirthDateEstimated = true, FamilyRelation = "女儿\n", Source = PatientSource.Excel, IdentityKey = "his:P1",
            CreatedAt = new DateTime(2026, 11, 29, 10, 0, 0, 123).AddTicks(4567), UpdatedAt = new DateTime(2026, 11, 29),
        };
        patient.SetPhone(protector.Protect(SensitiveKind.Phone, "13812345678"));
        var encounter = new Encounter
        {
            Id = 9, PatientId = 7, HospitalId = 1, VisitType = VisitType.Discharged, DepartmentId = 3, VisitAt = new DateTime(2026, 11, 3, 9, 30, 0),
            DischargeAt = null, PrimaryDiagnosisCode = "I21.9", PrimaryDiagnosisName = "急性心肌梗死", CreatedAt = new DateTime(2026, 11, 29),
        };

        foreach (var (entity, type) in new object[] { patient, encounter }.Select(e => (e, db.Model.FindEntityType(e.GetType())!)))
        {
            var recorded = type.GetProperties().Where(p => !p.IsPrimaryKey() && !p.Name.EndsWith("Cipher") && !p.Name.EndsWith("Index"));
            var expected = JsonSerializer.Serialize(recorded.ToDictionary(p => p.Name, p => p.GetGetter().GetClrValue(entity)), SnapshotJson.Options);
            Assert.Equal(expected, SnapshotJson.Write(type, entity, p => !p.IsPrimaryKey() && !p.Name.EndsWith("Cipher") && !p.Name.EndsWith("Index")));
        }
    }
}
