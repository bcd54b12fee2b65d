using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Organization;
using Suifang.Core.Security;

namespace Suifang.Testing;

/// A migrated test database with one hospital, one campus and two departments (心血管内科, 神经内科),
/// staff scopes for them, and a builder for its patients.
public sealed class TestHospital : IAsyncDisposable
{
    public required TestDatabase Database { get; init; }
    public required Hospital Hospital { get; init; }
    public required Department Cardiology { get; init; }
    public required Department Neurology { get; init; }
    public SensitiveDataProtector Protector { get; } = new(SensitiveDataProtector.NewMasterKey());

    public int CampusId => Hospital.Campuses[0].Id;

    public static async Task<TestHospital> CreateAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.MigratedContextAsync();
        var hospital = new Hospital { Code = "H1", Name = "测试医院" };
        hospital.Campuses.Add(new Campus { Code = "C1", Name = "本院区" });
        db.Hospitals.Add(hospital);
        await db.SaveChangesAsync();
        var cardiology = new Department { HospitalId = hospital.Id, CampusId = hospital.Campuses[0].Id, Code = "XNK", Name = "心血管内科" };
        var neurology = new Department { HospitalId = hospital.Id, CampusId = hospital.Campuses[0].Id, Code = "SJNK", Name = "神经内科" };
        db.Departments.AddRange(cardiology, neurology);
        await db.SaveChangesAsync();
        return new TestHospital { Database = database, Hospital = hospital, Cardiology = cardiology, Neurology = neurology };
    }

    public PatientBuilder Patient() => new(Protector, Hospital.Id, CampusId);

    public async Task<List<Core.Patients.Patient>> AddAsync(params PatientBuilder[] patients)
    {
        await using var db = Database.NewContext();
        var built = patients.Select(p => p.Build()).ToList();
        db.Patients.AddRange(built);
        await db.SaveChangesAsync();
        return built;
    }

    public StaffScope Nurse(params int[] departments) =>
        new("nurse-id", "护士甲", Hospital.Id, false, departments.ToHashSet(), new HashSet<string> { Roles.Nurse }, "10.0.0.1");

    public StaffScope Supervisor() =>
        new("sup-id", "监管甲", Hospital.Id, true, new HashSet<int>(), new HashSet<string> { Roles.Supervisor });

    public StaffScope Admin() =>
        new("admin-id", "管理员甲", Hospital.Id, true, new HashSet<int>(), new HashSet<string> { Roles.Admin });

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
