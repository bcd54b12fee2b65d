using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Patients;
using Suifang.Core.Patients.Writing;
using Suifang.Core.Plans;
using Suifang.Core.Plans.Automatic;
using Suifang.Core.Plans.Rules;
using Suifang.Core.Security;
using Suifang.Core.Tests.Patients;
using Suifang.Testing;

namespace Suifang.Core.Tests.Plans;

/// 5.1.3: when a patient arrives (hand entry, HIS, Excel — all through PatientWriter) the plan rules create the plan;
/// the daily job catches what arrived without one.
public sealed class AutomaticPlanTests
{
    private static readonly DateTime Now = new(2026, 11, 9, 9, 0, 0);   // the day after Good()'s discharge
    private static readonly SensitiveDataProtector Protector = new(SensitiveDataProtector.NewMasterKey());

    private static async Task<TestHospital> SetUpAsync(DatabaseProvider provider)
    {
        var hospital = await TestHospital.CreateAsync(provider);
        await using var db = hospital.Database.NewContext();
        await db.Departments.Where(d => d.Id == hospital.Cardiology.Id).ExecuteUpdateAsync(u => u.SetProperty(d => d.Aliases, "心内科"));
        await TestPathways.AddAsync(db, TestPathways.Pci(hospital.Hospital.Id, hospital.Cardiology.Id), TestPathways.Diabetes(hospital.Hospital.Id, hospital.Cardiology.Id));
        Assert.Equal(DefaultPlanRules.Presets.Count, await DefaultPlanRules.SeedAsync(db, hospital.Hospital.Id, Now));
        return hospital;
    }

    private static async Task<IReadOnlyList<RowOutcome>> WriteAsync(TestHospital hospital, params PatientRecord[] records)
    {
        await using var db = hospital.Database.NewContext();
        var directory = await HospitalDirectory.LoadAsync(db, hospital.Hospital.Id);
        var validator = new PatientRecordValidator(directory, () => Now);
        var valid = records.Select(r => validator.Validate(r).Patient ?? throw new InvalidOperationException(string.Join(";", validator.Validate(r).Errors))).ToList();
        return await new PatientWriter(db, Protector).WriteAsync(valid, hospital.Hospital.Id, PatientSource.His, Now);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_number_on_the_do_not_call_list_gets_no_plan_when_its_patient_arrives(DatabaseProvider provider)
    {
        await using var hospital = await SetUpAsync(provider);
        var good = PatientRecordValidatorTests.Good();
        await using (var db = hospital.Database.NewContext())
        {
            db.DoNotContacts.Add(new Suifang.Core.Contact.DoNotContactEntry
            {
                HospitalId = hospital.Hospital.Id, PhoneIndex = Protector.IndexOf(SensitiveKind.Phone, good.Phone!),
                Reason = "家属要求不要来电", AddedAt = Now, AddedBy = "护士甲",
            });
            await db.SaveChangesAsync();
        }

        await WriteAsync(hospital, good);

        await using var read = hospital.Database.NewContext();
        Assert.Equal(1, await read.Patients.CountAsync());
        Assert.Equal(0, await read.Plans.CountAsync());
        Assert.Equal(0, await read.Tasks.CountAsync());
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_patient_arriving_with_a_matching_diagnosis_gets_exactly_one_plan_and_a_repeat_creates_none(DatabaseProvider provider)
    {
        await using var hospital = await SetUpAsync(provider);

        await WriteAsync(hospital, PatientRecordValidatorTests.Good());
        await WriteAsync(hospital, PatientRecordValidatorTests.Good());

        await using var db = hospital.Database.NewContext();
        var plan = await db.Plans.Include(p => p.Pathways).ThenInclude(x => x.Pathway).SingleAsync();
        Assert.Equal(PlanSource.Rule, plan.Source);
        Assert.Equal("pci", Assert.Single(plan.Pathways).Pathway!.Key);
        Assert.Equal(new DateTime(2026, 11, 8, 10, 0, 0), plan.AnchorTime);
        // The first step's task (later steps get theirs when they come near, StepTasks.Horizon) and the plan's 3 steps.
        Assert.Equal(1, await db.Tasks.CountAsync(t => t.PlanStepId != null));
        // D+3 is a row; D+7 and D+30 stay with the plan until they come near (LaterSteps).
        Assert.Equal(1, await db.PlanSteps.CountAsync());
        Assert.Equal(2, Suifang.Core.Plans.Upcoming.LaterSteps.Count(plan.LaterSteps));
        // The pre-call notice goes out days ahead: marked on the first call, written by the plan job (PreCallNotices).
        Assert.Equal(1, await db.Tasks.CountAsync(t => t.PlanStepId != null && t.NoticeAt != null));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_secondary_diagnosis_matching_another_rule_gives_one_merged_plan(DatabaseProvider provider)
    {
        await using var hospital = await SetUpAsync(provider);
        var record = PatientRecordValidatorTests.Good();
        record = record with { Encounter = record.Encounter! with { SecondaryDiagnoses = [new Diagnosis { Code = "E11.900", Name = "2型糖尿病" }] } };

        await WriteAsync(hospital, record);

        await using var db = hospital.Database.NewContext();
        var plan = await db.Plans.Include(p => p.Pathways).SingleAsync();
        Assert.Equal(2, plan.Pathways.Count);
        Assert.Contains(await MergeNotes.ReadAsync(db, plan.MergeNotesId, default), n => n.Contains("合并为一个计划"));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_diagnosis_no_rule_covers_gets_no_plan_and_the_daily_run_adds_plans_for_new_rules_once(DatabaseProvider provider)
    {
        await using var hospital = await SetUpAsync(provider);
        var record = PatientRecordValidatorTests.Good();
        await WriteAsync(hospital, record with { Encounter = record.Encounter! with { PrimaryDiagnosisCode = "K35.9", PrimaryDiagnosisName = "急性阑尾炎" } });
        await using var db = hospital.Database.NewContext();
        Assert.Equal(0, await db.Plans.CountAsync());
        db.PlanRules.Add(new PlanRule { HospitalId = hospital.Hospital.Id, Name = "阑尾炎术后", DiagnosisCodes = "K35", PathwayKey = "pci", CreatedAt = Now });
        await db.SaveChangesAsync();

        var first = await AutoPlanner.DailyAsync(db, Now, lookbackDays: 30, default);
        var second = await AutoPlanner.DailyAsync(db, Now, lookbackDays: 30, default);

        Assert.Equal(1, first.Created);
        Assert.Equal(0, second.Created);
        Assert.Equal(1, await db.Plans.CountAsync());
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Seeding_default_rules_twice_adds_them_once(DatabaseProvider provider)
    {
        await using var hospital = await SetUpAsync(provider);
        await using var db = hospital.Database.NewContext();

        Assert.Equal(0, await DefaultPlanRules.SeedAsync(db, hospital.Hospital.Id, Now));
        Assert.Equal(DefaultPlanRules.Presets.Count, await db.PlanRules.CountAsync());
    }
}
