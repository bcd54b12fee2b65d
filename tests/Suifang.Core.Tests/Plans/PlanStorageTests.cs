using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Plans;
using Suifang.Core.Plans.BuildPlan;
using Suifang.Core.Plans.CreatePlans;
using Suifang.Core.Tasks;
using Suifang.Testing;

namespace Suifang.Core.Tests.Plans;

/// Manual plans saved through the one writer, on both providers.
public sealed class PlanStorageTests
{
    internal static readonly DateTime Now = new(2026, 11, 30, 9, 0, 0);
    internal static readonly DateTime Discharge = new(2026, 12, 1, 10, 0, 0);

    internal static async Task<(TestHospital Hospital, List<Pathway> Pathways)> SetUpAsync(DatabaseProvider provider)
    {
        var hospital = await TestHospital.CreateAsync(provider);
        await using var db = hospital.Database.NewContext();
        var pathways = await TestPathways.AddAsync(db, TestPathways.Pci(hospital.Hospital.Id, hospital.Cardiology.Id),
            TestPathways.Diabetes(hospital.Hospital.Id, hospital.Cardiology.Id));
        return (hospital, pathways);
    }

    private static CreatePlansCommand Command(IEnumerable<long> encounters, params Pathway[] pathways) =>
        new(encounters.ToList(), pathways.Select(p => p.Id).ToList(), new PlanOptions());

    [Theory, ClassData(typeof(Providers))]
    public async Task A_saved_plan_has_its_steps_in_a_dependency_chain_its_tasks_and_freezes_the_pathway(DatabaseProvider provider)
    {
        var (hospital, pathways) = await SetUpAsync(provider);
        await using var _ = hospital;
        var patient = (await hospital.AddAsync(hospital.Patient().DischargedOn(Discharge, hospital.Cardiology.Id).WithDiagnosis("I21.9", "急性心肌梗死")))[0];

        await using (var db = hospital.Database.NewContext())
        {
            var result = await CreatePlans.CreateAsync(db, hospital.Nurse(hospital.Cardiology.Id), Command([patient.Encounters[0].Id], pathways[0], pathways[1]), Now, default);
            Assert.Equal(1, result.Value!.Created);
        }

        await using var read = hospital.Database.NewContext();
        // The later steps become rows when they come near (LaterSteps); here all at once.
        Assert.Equal(1, await read.PlanSteps.CountAsync());
        Assert.Equal(3, await Suifang.Core.Plans.Upcoming.UpcomingSteps.MaterialiseAsync(read, Now.AddYears(1), default));
        var plan = await read.Plans.Include(p => p.Steps).Include(p => p.Pathways).SingleAsync();
        var steps = plan.Steps.OrderBy(s => s.Order).ToList();
        Assert.Equal(["D+3", "D+7/D+8", "D+30", "D+90"], steps.Select(s => s.Label));
        Assert.Null(steps[0].DependsOnStepId);
        Assert.Equal(steps.Take(3).Select(s => (long?)s.Id), steps.Skip(1).Select(s => s.DependsOnStepId));
        Assert.Equal(["temperature", "medication", "glucose"], steps[1].Questions.Select(q => q.Key));
        Assert.Equal(TriggerSeverity.Critical, steps[1].Triggers.Single(t => t.QuestionKey == "temperature").Severity);
        Assert.Equal(3, steps[1].Channels[0].Redials);
        Assert.Contains(await MergeNotes.ReadAsync(read, plan.MergeNotesId, default), n => n.Contains("只问一次"));
        Assert.Equal(2, plan.Pathways.Count);
        Assert.Equal(PlanSource.Manual, plan.Source);
        Assert.Equal("护士甲", plan.CreatedBy);

        // A step of one unchanged node refers to its frozen node and stores no copy; the merged step has its own content.
        Assert.All(steps.Where(s => s != steps[1]), s => Assert.True(s.NodeId is not null && s.Questions.Count == 0 && s.Channels.Count == 0));
        Assert.Null(steps[1].NodeId);
        await read.Entry(steps[0]).Reference(s => s.Node).LoadAsync();
        Assert.Equal(pathways[0].Nodes.OrderBy(n => n.Order).First().Questions.Select(q => q.Key), steps[0].Content.Questions.Select(q => q.Key));

        // Tasks only for the steps that come near (StepTasks.Horizon): here the first step, the plan's first call.
        var tasks = await read.Tasks.Where(t => t.PlanStepId != null).OrderBy(t => t.DueFrom).ToListAsync();
        Assert.Equal([(long?)steps[0].Id], tasks.Select(t => t.PlanStepId));
        // The pre-call SMS notice: sent before the first call, which waits its lead time after it. It goes out days
        // ahead, so the hourly plan job writes it shortly before (PreCallNotices; PreCallNoticeJobTests).
        Assert.False(await read.Tasks.AnyAsync(t => t.PlanStepId == null));
        Assert.Equal(1, await Suifang.Core.Plans.Upcoming.PreCallNotices.WriteDueAsync(read, tasks[0].NoticeAt!.Value, default));
        var notice = await read.Tasks.SingleAsync(t => t.PlanStepId == null);
        Assert.Equal(TaskQueues.Sms, notice.Queue);
        Assert.StartsWith(Suifang.Core.Contact.ContactNotices.KeyPrefix, notice.IdempotencyKey);
        Assert.True(notice.NextAttemptAt < tasks[0].NextAttemptAt);
        Assert.All(tasks, t => Assert.Equal(plan.Id, t.PlanId));
        Assert.Equal(TaskQueues.AiCall, tasks[0].Queue);
        Assert.Equal(tasks.Count, tasks.Select(t => t.IdempotencyKey).Distinct().Count());
        Assert.All(await read.Pathways.ToListAsync(), p => Assert.Equal(Now, p.FirstUsedAt));
        Assert.Contains(await read.AuditLog.Select(a => a.Action).ToListAsync(), a => a == "plan.create");
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Creating_the_same_plan_again_is_refused_and_another_department_is_forbidden(DatabaseProvider provider)
    {
        var (hospital, pathways) = await SetUpAsync(provider);
        await using var _ = hospital;
        var patient = (await hospital.AddAsync(hospital.Patient().DischargedOn(Discharge, hospital.Cardiology.Id)))[0];
        var command = Command([patient.Encounters[0].Id], pathways[0]);
        await using var db = hospital.Database.NewContext();

        await CreatePlans.CreateAsync(db, hospital.Nurse(hospital.Cardiology.Id), command, Now, default);
        var again = await CreatePlans.CreateAsync(db, hospital.Nurse(hospital.Cardiology.Id), command, Now, default);
        var outsider = await CreatePlans.CreateAsync(db, hospital.Nurse(hospital.Neurology.Id), command, Now, default);

        var refused = Assert.Single(again.Value!.Outcomes);
        Assert.True(refused.Refused);
        Assert.Contains(refused.Issues, i => i.Message.Contains("不重复创建"));
        Assert.Equal(Core.Patients.Access.Forbidden, outsider.Access);
        Assert.Equal(1, await db.Plans.CountAsync());
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_second_plan_of_the_patient_moves_its_call_off_the_day_the_first_one_calls(DatabaseProvider provider)
    {
        var (hospital, pathways) = await SetUpAsync(provider);
        await using var _ = hospital;
        var patient = (await hospital.AddAsync(hospital.Patient().DischargedOn(Discharge, hospital.Cardiology.Id)))[0];
        await using var db = hospital.Database.NewContext();
        var first = await CreatePlans.CreateAsync(db, hospital.Nurse(hospital.Cardiology.Id), Command([patient.Encounters[0].Id], pathways[0]), Now, default);
        var other = TestPathways.Pathway(hospital.Hospital.Id, hospital.Cardiology.Id, "rehab", "心脏康复", "I21", TestPathways.Node("康复电话", 3, 2));
        await TestPathways.AddAsync(db, other);

        var second = await CreatePlans.CreateAsync(db, hospital.Nurse(hospital.Cardiology.Id), Command([patient.Encounters[0].Id], other), Now, default);

        var outcome = Assert.Single(second.Value!.Outcomes);
        Assert.Equal(Discharge.AddDays(4), Assert.Single(outcome.Plan!.Steps).DueFrom);
        Assert.Contains(outcome.Issues, i => i.Kind == PlanIssueKind.Shifted);
        Assert.NotNull(first.Value!.Outcomes[0].PlanId);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_preview_saves_nothing_and_a_draft_pathway_cannot_be_used(DatabaseProvider provider)
    {
        var (hospital, pathways) = await SetUpAsync(provider);
        await using var _ = hospital;
        var patient = (await hospital.AddAsync(hospital.Patient().DischargedOn(Discharge, hospital.Cardiology.Id)))[0];
        await using var db = hospital.Database.NewContext();

        var preview = await CreatePlans.PreviewAsync(db, hospital.Nurse(hospital.Cardiology.Id), Command([patient.Encounters[0].Id], pathways[0]), Now, default);
        await db.Pathways.Where(p => p.Id == pathways[1].Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, PathwayStatus.Draft));
        var draft = await CreatePlans.CreateAsync(db, hospital.Nurse(hospital.Cardiology.Id), Command([patient.Encounters[0].Id], pathways[1]), Now, default);

        Assert.Equal(3, preview.Value!.Outcomes[0].Plan!.Steps.Count);
        Assert.Null(preview.Value.Outcomes[0].PlanId);
        Assert.Contains("还没有发布", draft.Value!.Errors["pathwayIds"]);
        Assert.Equal(0, await db.Plans.CountAsync());
        Assert.Null((await db.Pathways.FirstAsync(p => p.Id == pathways[0].Id)).FirstUsedAt);
    }
}
