using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Organization;
using Suifang.Core.Patients;
using Suifang.Core.Patients.Writing;
using Suifang.Core.Security;
using Suifang.Testing;

namespace Suifang.Core.Tests.Patients;

public sealed class PatientWriterTests
{
    private static readonly DateTime Now = new(2026, 11, 29, 10, 0, 0);
    private static readonly SensitiveDataProtector Protector = new(SensitiveDataProtector.NewMasterKey());

    private static async Task<(TestDatabase, int HospitalId)> SetUpAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.MigratedContextAsync();
        var hospital = new Hospital { Code = "H1", Name = "测试医院" };
        hospital.Campuses.Add(new Campus { Code = "MAIN", Name = "本院区" });
        db.Hospitals.Add(hospital);
        await db.SaveChangesAsync();
        db.Departments.Add(new Department { HospitalId = hospital.Id, Code = "XNK", Name = "心血管内科", Aliases = "心内科" });
        await db.SaveChangesAsync();
        return (database, hospital.Id);
    }

    private static async Task<IReadOnlyList<RowOutcome>> WriteAsync(TestDatabase database, int hospitalId, params PatientRecord[] records)
    {
        await using var db = database.NewContext();
        var directory = await HospitalDirectory.LoadAsync(db, hospitalId);
        var validator = new PatientRecordValidator(directory, () => Now);
        var valid = records.Select(r => validator.Validate(r)).Select(v => v.Patient ?? throw new InvalidOperationException(string.Join(";", v.Errors))).ToList();
        return await new PatientWriter(db, Protector).WriteAsync(valid, hospitalId, PatientSource.Excel, Now);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Writing_the_same_records_twice_creates_no_duplicates(DatabaseProvider provider)
    {
        var (database, hospitalId) = await SetUpAsync(provider);
        await using var _ = database;
        var records = new[] { PatientRecordValidatorTests.Good(), PatientRecordValidatorTests.Good() with { Name = "李四", Phone = "13900001111" } };

        var first = await WriteAsync(database, hospitalId, records);
        var second = await WriteAsync(database, hospitalId, records);

        Assert.All(first, o => Assert.Equal(WriteOutcome.Created, o.PatientOutcome));
        Assert.All(second, o =>
        {
            Assert.Equal(WriteOutcome.Unchanged, o.PatientOutcome);
            Assert.Equal(WriteOutcome.Unchanged, o.EncounterOutcome);
        });
        await using var db = database.NewContext();
        Assert.Equal(2, await db.Patients.CountAsync());
        Assert.Equal(2, await db.Encounters.CountAsync());
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Two_visits_of_one_person_in_one_batch_make_one_patient_with_two_encounters(DatabaseProvider provider)
    {
        var (database, hospitalId) = await SetUpAsync(provider);
        await using var _ = database;
        var good = PatientRecordValidatorTests.Good();
        var outpatient = good with { Encounter = good.Encounter! with { VisitType = "门诊", DischargeAt = null, VisitAt = new DateTime(2026, 11, 20, 8, 30, 0) } };

        var outcomes = await WriteAsync(database, hospitalId, good, outpatient);

        Assert.Same(outcomes[0].Patient, outcomes[1].Patient);
        await using var db = database.NewContext();
        Assert.Equal(1, await db.Patients.CountAsync());
        Assert.Equal(2, await db.Encounters.CountAsync());
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_discharge_after_an_admission_updates_the_same_stay(DatabaseProvider provider)
    {
        var (database, hospitalId) = await SetUpAsync(provider);
        await using var _ = database;
        var good = PatientRecordValidatorTests.Good();
        var admitted = good with { Encounter = good.Encounter! with { VisitType = "住院", DischargeAt = null, VisitNumber = "ZY001" } };
        var discharged = good with { Encounter = good.Encounter! with { VisitNumber = "ZY001" } };

        await WriteAsync(database, hospitalId, admitted);
        var outcome = Assert.Single(await WriteAsync(database, hospitalId, discharged));

        Assert.Equal(WriteOutcome.Updated, outcome.EncounterOutcome);
        await using var db = database.NewContext();
        var stay = await db.Encounters.SingleAsync();
        Assert.Equal(VisitType.Discharged, stay.VisitType);
        Assert.Equal(new DateTime(2026, 11, 8, 10, 0, 0), stay.DischargeAt);
        Assert.Equal(Now, stay.UpdatedAt); // the statistics rollup counts the stay's days again (5.1.7)
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task An_unchanged_visit_written_again_is_not_marked_as_corrected(DatabaseProvider provider)
    {
        var (database, hospitalId) = await SetUpAsync(provider);
        await using var _ = database;
        var good = PatientRecordValidatorTests.Good();

        await WriteAsync(database, hospitalId, good);
        var outcome = Assert.Single(await WriteAsync(database, hospitalId, good));

        Assert.Equal(WriteOutcome.Unchanged, outcome.EncounterOutcome);
        await using var db = database.NewContext();
        Assert.Null((await db.Encounters.SingleAsync()).UpdatedAt);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task The_phone_is_stored_encrypted_and_found_by_its_index(DatabaseProvider provider)
    {
        var (database, hospitalId) = await SetUpAsync(provider);
        await using var _ = database;
        await WriteAsync(database, hospitalId, PatientRecordValidatorTests.Good());

        await using var db = database.NewContext();
        var index = Protector.IndexOf(SensitiveKind.Phone, "138-1234-1234");
        var p = await db.Patients.SingleAsync(x => x.PhoneIndex == index);
        Assert.DoesNotContain("13812341234", p.PhoneCipher);
        Assert.Equal("138****1234", p.PhoneMasked);
        Assert.Equal("13812341234", Protector.Unprotect(p.PhoneCipher));
        Assert.True((await Suifang.Core.Audit.AuditChainVerifier.VerifyAsync(db)).Intact);
        Assert.Equal(2, await db.AuditLog.CountAsync(a => a.Action == "create"));
    }
}
