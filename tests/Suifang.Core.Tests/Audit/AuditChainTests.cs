using Microsoft.EntityFrameworkCore;
using Suifang.Core.Audit;
using Suifang.Core.Data;
using Suifang.Core.Organization;
using Suifang.Core.Patients;
using Suifang.Core.Security;
using Suifang.Testing;

namespace Suifang.Core.Tests.Audit;

public sealed class AuditChainTests
{
    private static readonly SensitiveDataProtector Protector = new(SensitiveDataProtector.NewMasterKey());

    private static async Task<(TestDatabase Db, Hospital Hospital)> NewHospitalAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.MigratedContextAsync();
        var hospital = new Hospital { Code = "H1", Name = "测试医院" };
        hospital.Campuses.Add(new Campus { Code = "C1", Name = "本院区" });
        db.Hospitals.Add(hospital);
        await db.SaveChangesAsync();
        return (database, hospital);
    }

    private static Patient NewPatient(Hospital h, string name, string phone)
    {
        var p = new Patient { Name = name, HospitalId = h.Id, CampusId = h.Campuses[0].Id };
        p.SetPhone(Protector.Protect(SensitiveKind.Phone, phone));
        p.IdentityKey = PatientIdentity.KeyOf(null, null, name, p.PhoneIndex);
        return p;
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Creating_changing_and_deleting_a_patient_each_leave_an_audit_entry(DatabaseProvider provider)
    {
        var (database, hospital) = await NewHospitalAsync(provider);
        await using var _ = database;
        await using (var db = database.NewContext())
        {
            var p = NewPatient(hospital, "张三", "13812341234");
            db.Patients.Add(p);
            await db.SaveChangesAsync();
            p.Name = "张叁";
            await db.SaveChangesAsync();
            p.DeletedAt = new DateTime(2026, 11, 1);
            await db.SaveChangesAsync();
        }
        await using var check = database.NewContext();
        var log = await check.AuditLog.OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([AuditActions.Create, AuditActions.Update, AuditActions.Delete], log.Select(a => a.Action));
        Assert.All(log, a => Assert.Equal("测试用户", a.UserName));
        Assert.Contains("张三", log[1].Changes);
        Assert.Contains("张叁", log[1].Changes);
        Assert.DoesNotContain(log, a => a.Changes!.Contains("v1:", StringComparison.Ordinal));
        Assert.True((await AuditChainVerifier.VerifyAsync(check)).Intact);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task An_edited_audit_entry_breaks_the_chain_at_that_entry(DatabaseProvider provider)
    {
        var (database, hospital) = await NewHospitalAsync(provider);
        await using var _ = database;
        await using (var db = database.NewContext())
        {
            db.Patients.AddRange(NewPatient(hospital, "李四", "13900001111"), NewPatient(hospital, "王五", "13900002222"));
            await db.SaveChangesAsync();
            db.AuditEvent(AuditActions.View, "Patient", "1", "查看患者档案");
            await db.SaveChangesAsync();
        }
        await using (var db = database.NewContext())
            await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditLog\" SET \"UserName\" = '别人' WHERE \"Id\" = 2");

        await using var check = database.NewContext();
        var result = await AuditChainVerifier.VerifyAsync(check);
        Assert.False(result.Intact);
        Assert.Equal(2, result.FirstBrokenId);
        Assert.Contains("被修改过", result.Message);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_deleted_audit_entry_is_detected(DatabaseProvider provider)
    {
        var (database, hospital) = await NewHospitalAsync(provider);
        await using var _ = database;
        await using (var db = database.NewContext())
        {
            db.Patients.AddRange(NewPatient(hospital, "赵六", "13700001111"), NewPatient(hospital, "钱七", "13700002222"), NewPatient(hospital, "孙八", "13700003333"));
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditLog\" WHERE \"Id\" = 2");
        }
        await using var check = database.NewContext();
        var result = await AuditChainVerifier.VerifyAsync(check);
        Assert.False(result.Intact);
        Assert.Contains("缺失", result.Message);
    }

    [Fact]
    public async Task The_log_refuses_changes_through_the_context()
    {
        var (database, hospital) = await NewHospitalAsync(DatabaseProvider.Sqlite);
        await using var _ = database;
        await using var db = database.NewContext();
        db.Patients.Add(NewPatient(hospital, "周九", "13600001111"));
        await db.SaveChangesAsync();
        var entry = await db.AuditLog.FirstAsync();
        entry.Summary = "改写";
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        Assert.Contains("只能追加", e.Message);
    }

    [Fact]
    public async Task Patient_data_cannot_be_written_without_naming_who_writes_it()
    {
        var (database, hospital) = await NewHospitalAsync(DatabaseProvider.Sqlite);
        await using var _ = database;
        await using var db = database.NewContext();
        db.Actor = null;
        db.Patients.Add(NewPatient(hospital, "吴十", "13500001111"));
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        Assert.Contains("操作人", e.Message);
        Assert.Equal(0, await database.NewContext().Patients.CountAsync());
    }

    [Fact]
    public async Task Concurrent_writers_still_form_one_unbroken_chain()
    {
        var (database, hospital) = await NewHospitalAsync(DatabaseProvider.Sqlite);
        await using var _ = database;
        await Parallel.ForAsync(0, 8, async (i, ct) =>
        {
            await using var db = database.NewContext();
            db.Patients.Add(NewPatient(hospital, $"并发{i}", $"1380000{i:D4}"));
            await db.SaveChangesAsync(ct);
        });
        await using var check = database.NewContext();
        var result = await AuditChainVerifier.VerifyAsync(check);
        Assert.True(result.Intact, result.Message);
        Assert.Equal(8, result.Checked);
    }
}
