using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Patients;
using Suifang.Core.Patients.ListPatients;
using Suifang.Testing;

namespace Suifang.Core.Tests.Patients;

public sealed class PatientListTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);
    private static readonly DateTime Day = new(2026, 11, 20, 10, 0, 0);

    private static async Task<PatientListPage> ListAsync(TestHospital h, StaffScope scope, PatientListQuery query)
    {
        await using var db = h.Database.NewContext();
        var result = await PatientList.RunAsync(db, h.Protector, scope, query, Today);
        Assert.Equal(Access.Granted, result.Access);
        return result.Value!;
    }

    private static IEnumerable<string> Names(PatientListPage page) => page.Items.Select(r => r.Name);

    [Theory, ClassData(typeof(Providers))]
    public async Task A_nurse_sees_only_patients_of_her_departments(DatabaseProvider provider)
    {
        await using var h = await TestHospital.CreateAsync(provider);
        await h.AddAsync(
            h.Patient().Named("心内甲").DischargedOn(Day, h.Cardiology.Id),
            h.Patient().Named("神内乙").DischargedOn(Day, h.Neurology.Id));

        Assert.Equal(["心内甲"], Names(await ListAsync(h, h.Nurse(h.Cardiology.Id), new(VisitType.Discharged))));
        Assert.Equal(2, (await ListAsync(h, h.Supervisor(), new(VisitType.Discharged))).Total);
        Assert.Empty((await ListAsync(h, h.Nurse(), new(VisitType.Discharged))).Items);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task The_three_lists_hold_their_own_visit_type_newest_first(DatabaseProvider provider)
    {
        await using var h = await TestHospital.CreateAsync(provider);
        var dept = h.Cardiology.Id;
        await h.AddAsync(
            h.Patient().Named("门诊早").OutpatientOn(Day.AddDays(-3), dept),
            h.Patient().Named("门诊晚").OutpatientOn(Day, dept),
            h.Patient().Named("在院").InHospitalSince(Day, dept),
            h.Patient().Named("出院早").DischargedOn(Day.AddDays(-1), dept),
            h.Patient().Named("出院晚").DischargedOn(Day, dept));
        var admin = h.Admin();

        Assert.Equal(["门诊晚", "门诊早"], Names(await ListAsync(h, admin, new(VisitType.Outpatient))));
        Assert.Equal(["在院"], Names(await ListAsync(h, admin, new(VisitType.Inpatient))));
        var discharged = await ListAsync(h, admin, new(VisitType.Discharged));
        Assert.Equal(["出院晚", "出院早"], Names(discharged));
        Assert.Equal("心血管内科", discharged.Items[0].DepartmentName);
        Assert.Equal("本院区", discharged.Items[0].CampusName);
        Assert.Equal(66, discharged.Items[0].Age);
        Assert.Matches(@"^139\*\*\*\*\d{4}$", discharged.Items[0].PhoneMasked);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_full_phone_finds_the_patient_or_the_family_contact_and_four_digits_find_the_tail(DatabaseProvider provider)
    {
        await using var h = await TestHospital.CreateAsync(provider);
        await h.AddAsync(
            h.Patient().Named("王一").WithPhone("13812341234").DischargedOn(Day, h.Cardiology.Id),
            h.Patient().Named("王二").WithPhone("13900005678").WithFamilyPhone("13712349999").DischargedOn(Day, h.Cardiology.Id),
            h.Patient().Named("王三").WithPhone("13600001234").DischargedOn(Day, h.Cardiology.Id));
        var admin = h.Admin();

        Assert.Equal(["王一"], Names(await ListAsync(h, admin, new(VisitType.Discharged) { Phone = "138-1234-1234" })));
        Assert.Equal(["王二"], Names(await ListAsync(h, admin, new(VisitType.Discharged) { Phone = "+86 13712349999" })));
        Assert.Equal(["王一", "王三"], Names(await ListAsync(h, admin, new(VisitType.Discharged) { Phone = "1234" })).Order());
        Assert.Empty((await ListAsync(h, admin, new(VisitType.Discharged) { Phone = "13812340000" })).Items);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Name_doctor_diagnosis_and_dates_narrow_the_list(DatabaseProvider provider)
    {
        await using var h = await TestHospital.CreateAsync(provider);
        var dept = h.Cardiology.Id;
        await h.AddAsync(
            h.Patient().Named("张三").DischargedOn(Day, dept, "刘医生").WithDiagnosis("I21.9", "急性心肌梗死"),
            h.Patient().Named("张三丰").DischargedOn(Day.AddDays(-10), dept, "陈医生").WithDiagnosis("I10.x00", "原发性高血压"),
            h.Patient().Named("李张").DischargedOn(Day.AddDays(-20), dept, "刘医生").WithDiagnosis("E11.9", "2型糖尿病"));
        var admin = h.Admin();
        PatientListQuery Q() => new(VisitType.Discharged);

        Assert.Equal(["张三", "张三丰"], Names(await ListAsync(h, admin, Q() with { Name = "张" })));
        Assert.Equal(["张三", "李张"], Names(await ListAsync(h, admin, Q() with { Doctor = "刘" })));
        Assert.Equal(["张三"], Names(await ListAsync(h, admin, Q() with { Diagnosis = "i21" })));
        Assert.Equal(["李张"], Names(await ListAsync(h, admin, Q() with { Diagnosis = "糖尿病" })));
        var from = DateOnly.FromDateTime(Day.AddDays(-10));
        Assert.Equal(["张三丰"], Names(await ListAsync(h, admin, Q() with { From = from, To = from })));
        Assert.Equal(["张三"], Names(await ListAsync(h, admin, Q() with { Name = "张三", Doctor = "刘医生", From = from })));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_common_name_matching_many_patients_still_filters_exactly(DatabaseProvider provider)
    {
        await using var h = await TestHospital.CreateAsync(provider);
        var many = Enumerable.Range(0, PatientList.PatientIdCap + 5)
            .Select(i => h.Patient().Named($"陈{i}").DischargedOn(Day.AddMinutes(-i), h.Cardiology.Id)).ToList();
        many.Add(h.Patient().Named("林某").DischargedOn(Day.AddDays(1), h.Cardiology.Id));
        await h.AddAsync([.. many]);

        var page = await ListAsync(h, h.Admin(), new(VisitType.Discharged) { Name = "陈", Page = 2, PageSize = 10 });
        Assert.Equal(PatientList.PatientIdCap + 5, page.Total);
        Assert.Equal(Enumerable.Range(10, 10).Select(i => $"陈{i}"), Names(page));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Pages_come_in_order_with_the_total(DatabaseProvider provider)
    {
        await using var h = await TestHospital.CreateAsync(provider);
        await h.AddAsync([.. Enumerable.Range(0, 7).Select(i => h.Patient().Named($"患者{i}").OutpatientOn(Day.AddHours(-i), h.Neurology.Id))]);

        var page = await ListAsync(h, h.Admin(), new(VisitType.Outpatient) { Page = 2, PageSize = 3 });
        Assert.Equal(["患者3", "患者4", "患者5"], Names(page));
        Assert.Equal(7, page.Total);
        Assert.Equal(3, page.PageCount);
        Assert.False(page.TotalIsCapped);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Deleted_patients_and_other_hospitals_are_never_listed(DatabaseProvider provider)
    {
        await using var h = await TestHospital.CreateAsync(provider);
        var (kept, deleted) = (h.Patient().Named("留下").DischargedOn(Day, h.Cardiology.Id), h.Patient().Named("已删").DischargedOn(Day, h.Cardiology.Id));
        var added = await h.AddAsync(kept, deleted);
        await using (var db = h.Database.NewContext())
        {
            db.Attach(added[1]);
            added[1].DeletedAt = Day;
            await db.SaveChangesAsync();
        }
        var elsewhere = h.Admin() with { HospitalId = h.Hospital.Id + 1 };

        Assert.Equal(["留下"], Names(await ListAsync(h, h.Admin(), new(VisitType.Discharged))));
        Assert.Empty((await ListAsync(h, elsewhere, new(VisitType.Discharged))).Items);
    }

    [Fact]
    public async Task A_department_outside_the_nurses_scope_is_refused()
    {
        await using var h = await TestHospital.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = h.Database.NewContext();
        var result = await PatientList.RunAsync(db, h.Protector, h.Nurse(h.Cardiology.Id), new(VisitType.Discharged) { DepartmentId = h.Neurology.Id }, Today);
        Assert.Equal(Access.Forbidden, result.Access);
    }

    [Fact]
    public void Bad_filters_are_explained_in_chinese()
    {
        var errors = new PatientListQuery(VisitType.Discharged) { Phone = "12345", PageSize = 500, From = Today, To = Today.AddDays(-1), Page = 0 }.Validate();
        Assert.Contains("后 4 位", errors["phone"]);
        Assert.Contains("1 到 100", errors["pageSize"]);
        Assert.Contains("开始日期晚于结束日期", errors["from"]);
        Assert.Contains("从 1 开始", errors["page"]);
        Assert.Empty(new PatientListQuery(VisitType.Outpatient) { Phone = "5678", Diagnosis = "I21" }.Validate());
    }
}
