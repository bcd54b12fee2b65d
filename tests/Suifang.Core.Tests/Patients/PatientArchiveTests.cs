using Microsoft.EntityFrameworkCore;
using Suifang.Core.Audit;
using Suifang.Core.Data;
using Suifang.Core.Patients;
using Suifang.Core.Patients.Archive;
using Suifang.Testing;

namespace Suifang.Core.Tests.Patients;

public sealed class PatientArchiveTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);
    private static readonly DateTime Day = new(2026, 11, 20, 10, 0, 0);

    [Theory, ClassData(typeof(Providers))]
    public async Task Opening_an_archive_shows_every_encounter_newest_first_and_is_audited(DatabaseProvider provider)
    {
        await using var h = await TestHospital.CreateAsync(provider);
        var added = await h.AddAsync(h.Patient().Named("赵敏").WithPhone("13812341234")
            .OutpatientOn(Day.AddDays(-60), h.Neurology.Id, "周医生").WithDiagnosis("G40.9", "癫痫")
            .DischargedOn(Day, h.Cardiology.Id, "刘医生").WithDiagnosis("I21.9", "急性心肌梗死").AndDiagnosis("E11.9", "2型糖尿病"));
        var id = added[0].Id;

        await using var db = h.Database.NewContext();
        var result = await OpenArchive.RunAsync(db, h.Nurse(h.Cardiology.Id), id, Today);

        Assert.Equal(Access.Granted, result.Access);
        var archive = result.Value!;
        Assert.Equal("138****1234", archive.PhoneMasked);
        Assert.Equal([VisitType.Discharged, VisitType.Outpatient], archive.Encounters.Select(e => e.VisitType));
        Assert.Equal("神经内科", archive.Encounters[1].DepartmentName);
        Assert.Equal(new ArchiveDiagnosis("E11.9", "2型糖尿病"), Assert.Single(archive.Encounters[0].SecondaryDiagnoses));
        await using var check = h.Database.NewContext();
        var entry = await check.AuditLog.OrderBy(a => a.Id).LastAsync();
        Assert.Equal((AuditActions.View, "Patient", id.ToString(), "护士甲", "10.0.0.1"), (entry.Action, entry.EntityType, entry.EntityId, entry.UserName, entry.IpAddress));
        Assert.Contains("查看患者档案 赵敏", entry.Summary);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_patient_of_another_department_is_refused_and_the_attempt_is_audited(DatabaseProvider provider)
    {
        await using var h = await TestHospital.CreateAsync(provider);
        var added = await h.AddAsync(h.Patient().Named("钱多").DischargedOn(Day, h.Neurology.Id));

        await using var db = h.Database.NewContext();
        var result = await OpenArchive.RunAsync(db, h.Nurse(h.Cardiology.Id), added[0].Id, Today);

        Assert.Equal(Access.Forbidden, result.Access);
        Assert.Null(result.Value);
        await using var check = h.Database.NewContext();
        Assert.Contains("被拒绝", (await check.AuditLog.OrderBy(a => a.Id).LastAsync()).Summary);
        Assert.Equal(Access.NotFound, (await OpenArchive.RunAsync(db, h.Admin(), added[0].Id + 1000, Today)).Access);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_nurse_may_reveal_the_full_numbers_and_the_reveal_is_audited(DatabaseProvider provider)
    {
        await using var h = await TestHospital.CreateAsync(provider);
        var added = await h.AddAsync(h.Patient().Named("孙丽").WithPhone("13812341234").WithFamilyPhone("0571-88886666")
            .WithIdNumber("11010519491231002X").DischargedOn(Day, h.Cardiology.Id));
        var id = added[0].Id;

        await using var db = h.Database.NewContext();
        var revealed = await RevealNumbers.RunAsync(db, h.Protector, h.Nurse(h.Cardiology.Id), id);

        Assert.Equal(new RevealedNumbers("13812341234", "057188886666", "11010519491231002X"), revealed.Value);
        await using var check = h.Database.NewContext();
        var entry = await check.AuditLog.OrderBy(a => a.Id).LastAsync();
        Assert.Equal(AuditActions.Reveal, entry.Action);
        Assert.DoesNotContain("13812341234", entry.Summary + entry.Changes);
    }

    [Fact]
    public async Task Numbers_stay_hidden_from_roles_that_do_not_call_patients_and_from_other_departments()
    {
        await using var h = await TestHospital.CreateAsync(DatabaseProvider.Sqlite);
        var added = await h.AddAsync(h.Patient().Named("周全").DischargedOn(Day, h.Cardiology.Id));
        await using var db = h.Database.NewContext();

        Assert.Equal(Access.Forbidden, (await RevealNumbers.RunAsync(db, h.Protector, h.Supervisor(), added[0].Id)).Access);
        Assert.Equal(Access.Forbidden, (await RevealNumbers.RunAsync(db, h.Protector, h.Nurse(h.Neurology.Id), added[0].Id)).Access);
        Assert.Equal(0, await db.AuditLog.CountAsync(a => a.Action == AuditActions.Reveal));
    }
}
