using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Plans;
using Suifang.Core.Plans.BuildPlan;
using Suifang.Core.Plans.CancelPlan;
using Suifang.Core.Plans.CreatePlans;
using Suifang.Core.Plans.Metrics;
using Suifang.Core.Tasks;
using Suifang.Testing;
using static Suifang.Core.Tests.Plans.PlanStorageTests;

namespace Suifang.Core.Tests.Plans;

/// Cancelling a plan, and closing an executed plan with its E_p (7.2.1.2 d) and P_p (7.4.3).
public sealed class PlanLifecycleTests
{
    private static async Task<(TestHospital, long PlanId)> PlanAsync(DatabaseProvider provider)
    {
        var (hospital, pathways) = await SetUpAsync(provider);
        var patient = (await hospital.AddAsync(hospital.Patient().DischargedOn(Discharge, hospital.Cardiology.Id)))[0];
        await using var db = hospital.Database.NewContext();
        var result = await CreatePlans.CreateAsync(db, hospital.Nurse(hospital.Cardiology.Id),
            new CreatePlansCommand([patient.Encounters[0].Id], [pathways[0].Id], new PlanOptions()), Now, default);
        return (hospital, result.Value!.Outcomes[0].PlanId!.Value);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Cancelling_a_plan_needs_a_reason_and_cancels_its_open_tasks(DatabaseProvider provider)
    {
        var (hospital, planId) = await PlanAsync(provider);
        await using var _ = hospital;
        await using var db = hospital.Database.NewContext();
        var nurse = hospital.Nurse(hospital.Cardiology.Id);

        var noReason = await CancelPlan.RunAsync(db, nurse, new CancelPlanCommand(planId, " "), Now, default);
        var outsider = await CancelPlan.RunAsync(db, hospital.Nurse(hospital.Neurology.Id), new CancelPlanCommand(planId, "转院"), Now, default);
        var done = await CancelPlan.RunAsync(db, nurse, new CancelPlanCommand(planId, "患者已转院"), Now, default);
        var twice = await CancelPlan.RunAsync(db, nurse, new CancelPlanCommand(planId, "患者已转院"), Now, default);

        Assert.Contains("请填写取消原因", noReason.Value!.Error);
        Assert.Equal(Core.Patients.Access.Forbidden, outsider.Access);
        // The first step's task (later steps have none yet; the pre-call SMS notice goes out days ahead, so the plan job
        // would write it later, PreCallNotices).
        Assert.Equal(1, done.Value!.CancelledTasks);
        Assert.Contains("已经结束", twice.Value!.Error);
        await using var read = hospital.Database.NewContext();
        var plan = await read.Plans.Include(p => p.Steps).SingleAsync();
        Assert.Equal(PlanStatus.Cancelled, plan.Status);
        Assert.Equal("患者已转院", plan.ClosedReason);
        Assert.All(plan.Steps, s => Assert.Equal(StepStatus.Cancelled, s.Status));
        Assert.All(await read.Tasks.ToListAsync(), t => Assert.Equal(TaskState.Cancelled, t.State));
        // The cancelled plan's later steps never get a task, nor its first call a pre-call notice.
        Assert.Equal(0, await Core.Plans.Upcoming.UpcomingSteps.CreateTasksAsync(read, Discharge.AddDays(40), default));
        Assert.Equal(1, await read.Tasks.CountAsync());
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_plan_whose_tasks_have_all_finished_is_closed_with_its_planning_figures(DatabaseProvider provider)
    {
        var (hospital, planId) = await PlanAsync(provider);
        await using var _ = hospital;
        await using var db = hospital.Database.NewContext();
        var later = Discharge.AddDays(40);
        await using (var early = hospital.Database.NewContext())
            Assert.Equal(0, await ClosePlans.CloseFinishedAsync(early, later, default));   // D+7 and D+30 have no task yet: not finished
        // The hourly job makes the later steps' tasks when they come near (here all at once, 40 days on).
        await using (var job = hospital.Database.NewContext())
            Assert.Equal(2, await Core.Plans.Upcoming.UpcomingSteps.CreateTasksAsync(job, later, default));
        var tasks = await db.Tasks.Where(t => t.PlanStepId != null).OrderBy(t => t.DueFrom).ToListAsync();
        Assert.Equal(3, tasks.Count);
        await using (var early = hospital.Database.NewContext())
            Assert.Equal(0, await ClosePlans.CloseFinishedAsync(early, later, default));   // tasks still open

        // D+3 reached, D+7 reached but a reviewer found its answers wrong, D+30 never reached.
        (tasks[0].State, tasks[1].State, tasks[2].State) = (TaskState.Completed, TaskState.Completed, TaskState.Unreached);
        await db.SaveChangesAsync();
        await db.PlanSteps.Where(s => s.Id == tasks[1].PlanStepId).ExecuteUpdateAsync(u => u.SetProperty(s => s.ResultCorrect, false));

        await using (var job = hospital.Database.NewContext())
            Assert.Equal(1, await ClosePlans.CloseFinishedAsync(job, later, default));

        var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == planId);
        Assert.Equal(PlanStatus.Completed, plan.Status);
        // E_p = R1/R = 2 effective (the two reached) / 3 executed; P_p = C1/C = 1 correct / 3.
        Assert.Equal(66.67, plan.PlanningEffectiveness);
        Assert.Equal(33.33, plan.PlanningAccuracy);
    }
}

public sealed class PlanMetricsTests
{
    private static PlanStep Step(StepStatus status, bool? needed = null, bool? correct = null) =>
        new() { Title = "t", Label = "D+1", Status = status, WasNeeded = needed, ResultCorrect = correct };

    [Fact]
    public void E_p_and_P_p_count_executed_steps_and_honour_reviewers()
    {
        // 5 executed (4 done, 1 unreached) + 1 cancelled (not counted).
        var f = PlanMetrics.Compute([
            Step(StepStatus.Done), Step(StepStatus.Done, needed: false), Step(StepStatus.Done, correct: false),
            Step(StepStatus.Done), Step(StepStatus.Unreached), Step(StepStatus.Cancelled)]);

        Assert.Equal(5, f.Operations);
        Assert.Equal(3, f.Effective);   // done steps except the one marked not needed
        Assert.Equal(3, f.Correct);     // done steps except the one marked wrong
        Assert.Equal(60, f.Effectiveness);
        Assert.Equal(60, f.Accuracy);
    }

    [Fact]
    public void A_plan_with_nothing_executed_has_no_figures()
    {
        var f = PlanMetrics.Compute([Step(StepStatus.Cancelled)]);

        Assert.Null(f.Effectiveness);
        Assert.Null(f.Accuracy);
    }
}
