using MiniExcelLibs;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Organization;
using Suifang.Core.Patients.Import;
using Suifang.Core.Security;
using Suifang.Testing;

namespace Suifang.Core.Tests.Patients.Import;

/// A hospital with two departments on a throwaway database, and real xlsx files built with MiniExcel.
internal sealed class ImportFixture : IAsyncDisposable
{
    public static readonly DateTime Now = new(2026, 11, 29, 10, 0, 0);
    public static readonly SensitiveDataProtector Protector = new(SensitiveDataProtector.NewMasterKey());

    private ImportFixture(TestDatabase database, int hospitalId, int cardiology, int endocrinology) =>
        (Database, HospitalId, Cardiology, Endocrinology) = (database, hospitalId, cardiology, endocrinology);

    public TestDatabase Database { get; }
    public int HospitalId { get; }
    public int Cardiology { get; }
    public int Endocrinology { get; }

    public StaffScope Admin => new("u-admin", "管理员甲", HospitalId, true, new HashSet<int>(), new HashSet<string> { Roles.Admin });

    public StaffScope CardiologyNurse => new("u-nurse", "护士乙", HospitalId, false, new HashSet<int> { Cardiology }, new HashSet<string> { Roles.Nurse });

    public static async Task<ImportFixture> CreateAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.MigratedContextAsync();
        var hospital = new Hospital { Code = "H1", Name = "测试医院" };
        hospital.Campuses.Add(new Campus { Code = "MAIN", Name = "本院区" });
        db.Hospitals.Add(hospital);
        await db.SaveChangesAsync();
        var xnk = new Department { HospitalId = hospital.Id, Code = "XNK", Name = "心血管内科", Aliases = "心内科" };
        var nfm = new Department { HospitalId = hospital.Id, Code = "NFMK", Name = "内分泌科" };
        db.Departments.AddRange(xnk, nfm);
        await db.SaveChangesAsync();
        return new ImportFixture(database, hospital.Id, xnk.Id, nfm.Id);
    }

    public async Task<ImportResult> ImportAsync(Stream xlsx, StaffScope? scope = null, IProgress<ImportProgress>? progress = null,
        int batchSize = 1_000, CancellationToken ct = default)
    {
        await using var db = Database.NewContext();
        xlsx.Position = 0;
        return await new PatientImporter(db, Protector, () => Now) { BatchSize = batchSize }
            .ImportAsync(xlsx, "患者.xlsx", scope ?? Admin, progress, ct);
    }

    public static MemoryStream Sheet(IEnumerable<Dictionary<string, object?>> rows)
    {
        var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, rows.ToList(), sheetName: "患者");
        stream.Position = 0;
        return stream;
    }

    /// A complete, valid row; tests change what they are about.
    public static Dictionary<string, object?> Row(string name = "张建国", string phone = "13812345678", string? visitNumber = "ZY001") => new()
    {
        [ImportColumns.Name] = name,
        [ImportColumns.Gender] = "男",
        [ImportColumns.BirthDate] = "1958-03-12",
        [ImportColumns.Phone] = phone,
        [ImportColumns.VisitType] = "出院",
        [ImportColumns.VisitNumber] = visitNumber,
        [ImportColumns.Department] = "心内科",
        [ImportColumns.VisitAt] = new DateTime(2026, 11, 3, 9, 30, 0),
        [ImportColumns.DischargeAt] = "2026/11/10 10:00",
        [ImportColumns.DiagnosisCode] = "I21.9",
        [ImportColumns.DiagnosisName] = "急性心肌梗死",
        [ImportColumns.SecondaryDiagnoses] = "E11.9 2型糖尿病; I10 高血压",
    };

    public static Dictionary<string, object?> With(Dictionary<string, object?> row, string column, object? value) =>
        new(row) { [column] = value };

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
