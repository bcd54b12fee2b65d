using Microsoft.EntityFrameworkCore;
using Suifang.Core.Audit;
using Suifang.Core.Data;
using Suifang.Core.Patients;
using Suifang.Core.Patients.Import;
using Suifang.Testing;
using static Suifang.Core.Tests.Patients.Import.ImportFixture;

namespace Suifang.Core.Tests.Patients.Import;

public sealed class PatientImporterTests
{
    [Theory, ClassData(typeof(Providers))]
    public async Task Good_rows_are_imported_and_bad_rows_are_reported_with_their_excel_row_and_a_chinese_reason(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        using var file = Sheet(
        [
            Row(),                                                                            // row 2
            With(Row("李四", "13900001111", "ZY002"), ImportColumns.Phone, "1381234"),         // row 3: bad phone
            With(Row("", "13900002222", "ZY003"), ImportColumns.Name, null),                   // row 4: missing name
            With(Row("王五", "13900003333", "ZY004"), ImportColumns.Department, "火星科"),      // row 5: unknown department
            With(Row("赵六", "13900004444", "ZY005"), ImportColumns.DischargeAt, "2027-01-05"), // row 6: date in the future
            Row("钱七", "13900005555", "MZ006"),                                               // row 7
        ]);

        var result = await f.ImportAsync(file);

        var job = result.Job;
        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.Equal((6, 2, 2, 4), (job.TotalRows, job.ImportedPatients, job.ImportedEncounters, job.RejectedRows));
        Assert.Equal([3, 4, 5, 6], result.Rejected.Select(r => r.Row));
        Assert.Contains(result.Rejected[0].Errors, e => e.Column == "手机号" && e.Reason.Contains("11 位手机号"));
        Assert.Contains(result.Rejected[1].Errors, e => e.Column == "姓名" && e.Reason.Contains("不能为空"));
        Assert.Contains(result.Rejected[2].Errors, e => e.Column == "科室" && e.Reason.Contains("火星科"));
        Assert.Contains(result.Rejected[3].Errors, e => e.Column == "出院时间" && e.Reason.Contains("之后"));

        await using var db = f.Database.NewContext();
        var stored = await db.ImportJobs.SingleAsync();
        Assert.Equal([3, 4, 5, 6], RejectedRowsJson.Deserialize(stored.RejectedDetails).Select(r => r.Row));
        var enc = await db.Encounters.Include(e => e.Patient).SingleAsync(e => e.VisitNumber == "ZY001");
        Assert.Equal((VisitType.Discharged, new DateTime(2026, 11, 10, 10, 0, 0), PatientSource.Excel), (enc.VisitType, enc.DischargeAt, enc.Source));
        Assert.Equal(["E11.9", "I10"], enc.SecondaryDiagnoses.Select(d => d.Code));
        Assert.True((await AuditChainVerifier.VerifyAsync(db)).Intact);
        Assert.Contains(await db.AuditLog.Select(a => a.Summary).ToListAsync(), s => s.Contains("Excel 导入") && s.Contains("未通过 4 行"));
        var created = await db.AuditLog.SingleAsync(a => a.EntityType == "Encounter" && a.EntityId == enc.Id.ToString());
        Assert.Equal(("create", "管理员甲"), (created.Action, created.UserName));
        Assert.Contains($"\"PatientId\":{enc.PatientId}", created.Changes);
        Assert.Equal(4, await db.AuditLog.CountAsync(a => a.Action == "create"));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Importing_the_same_file_again_creates_nothing_new(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        using var file = Sheet([Row(), Row("钱七", "13900005555", "MZ006"), With(With(Row("孙八", "13900006666", null), ImportColumns.VisitType, "门诊"), ImportColumns.DischargeAt, null)]);
        var first = await f.ImportAsync(file);
        var second = await f.ImportAsync(file);

        Assert.Equal((3, 3, 0), (first.Job.ImportedPatients, first.Job.ImportedEncounters, first.Job.DuplicateRows));
        Assert.Equal((0, 0, 3), (second.Job.ImportedPatients, second.Job.ImportedEncounters, second.Job.DuplicateRows));
        await using var db = f.Database.NewContext();
        Assert.Equal((3, 3), (await db.Patients.CountAsync(), await db.Encounters.CountAsync()));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task One_visit_number_given_to_two_people_in_a_file_rejects_the_later_row(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        using var file = Sheet([Row(), Row(), Row("李四", "13900001111", "ZY001")]);

        var result = await f.ImportAsync(file);

        Assert.Equal((1, 1, 1), (result.Job.ImportedPatients, result.Job.DuplicateRows, result.Job.RejectedRows));
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal(4, rejected.Row);
        Assert.Contains("第 2 行", Assert.Single(rejected.Errors).Reason);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_file_without_required_columns_is_refused_whole_naming_the_missing_columns(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        using var file = Sheet([new() { ["姓名"] = "张三", ["手机号"] = "13812345678", ["备注"] = "x" }]);

        var result = await f.ImportAsync(file);

        Assert.True(result.Refused);
        Assert.Equal(JobStatus.Failed, result.Job.Status);
        Assert.Contains("就诊类型", result.Job.FailureMessage);
        Assert.Contains("主要诊断编码", result.Job.FailureMessage);
        Assert.Contains("模板", result.Job.FailureMessage);
        Assert.DoesNotContain("姓名、", result.Job.FailureMessage);
        await using var db = f.Database.NewContext();
        Assert.Equal(0, await db.Patients.CountAsync());
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_file_that_is_not_an_xlsx_is_refused_with_what_to_do(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        using var file = new MemoryStream("姓名,手机号\n张三,13812345678\n"u8.ToArray());

        var result = await f.ImportAsync(file);

        Assert.True(result.Refused);
        Assert.Contains("不是有效的 Excel", result.Job.FailureMessage);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_nurse_imports_only_the_patients_of_her_departments(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        using var file = Sheet([Row(), With(Row("李四", "13900001111", "ZY002"), ImportColumns.Department, "内分泌科")]);

        var result = await f.ImportAsync(file, f.CardiologyNurse);

        Assert.Equal((1, 1), (result.Job.ImportedPatients, result.Job.RejectedRows));
        Assert.Contains("不在您负责的科室", Assert.Single(result.Rejected).Errors[0].Reason);
    }
}
