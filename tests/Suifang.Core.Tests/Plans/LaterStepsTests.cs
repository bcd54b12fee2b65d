using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Plans;
using Suifang.Core.Plans.BuildPlan;
using Suifang.Core.Plans.CancelPlan;
using Suifang.Core.Plans.CreatePlans;
using Suifang.Core.Plans.ListPlans;
using Suifang.Core.Plans.Upcoming;
using Suifang.Core.Tasks;
using Suifang.Testing;
using static Suifang.Core.Tests.Plans.PlanStorageTests;

namespace Suifang.Core.Tests.Plans;

/// Projected steps (bench/README.md, plan-create): a plan writes rows only for its steps up to the last one that gets a
/// task at once; the later ones stay with the plan (FollowUpPlan.LaterSteps) and become rows, once, when they come
/// within StepTasks.Horizon. The plan page, the list counts, cancelling and closing see them as before (5.1.3, 7.2.1.1).
public sealed class LaterStepsTests
{
    /// A PCI plan (D+3, D+7, D+30) made on Now, the day before discharge: only D+3 (its first step and first call) is a row.
    private static async Task<(TestHospital Hospital, long PlanId)> PciPlanAsync(DatabaseProvider provider)
    {
        var (hospital, pathways) = await SetUpAsync(provider);
        var patient = (await hospital.AddAsync(hospital.Patient().DischargedOn(Discharge, hospital.Cardiology.Id)))[0];
        await using var db = hospital.Database.NewContext();
        var result = await CreatePlans.CreateAsync(db, hospital.Nurse(hospital.Cardiology.Id),
            new CreatePlansCommand([patient.Encounters[0].Id], [pathways[0].Id], new PlanOptions()), Now, default);
        return (hospital, result.Value!.Outcomes[0].PlanId!.Value);
    }

    private static Task<List<PlanStep>> RowsAsync(SuifangDbContext db, long planId) =>
        db.PlanSteps.AsNoTracking().Where(s => s.PlanId == planId).OrderBy(s => s.Order).ToListAsync();

    [Theory, ClassData(typeof(Providers))]
    public async Task A_new_plan_writes_only_its_near_steps_and_its_page_and_list_still_show_every_later_step_with_its_dates(DatabaseProvider provider)
    {
        var (hospital, planId) = await PciPlanAsync(provider);
        await using var _h = hospital;
        await using var db = hospital.Database.NewContext();

        Assert.Equal(["D+3"], (await RowsAsync(db, planId)).Select(s => s.Label));
        var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == planId);
        Assert.Equal(Discharge.Date.AddDays(7), plan.LaterStepsFrom!.Value.Date);

        // 7.2.1.1: the page shows all three sub-goals in order, each after the one before, with dates and content.
        var page = (await OpenPlan.RunAsync(db, hospital.Nurse(hospital.Cardiology.Id), planId, default)).Value!;
        Assert.Equal(["D+3", "D+7", "D+30"], page.Steps.Select(s => s.Step.Label));
        Assert.Equal([null, 1, 2], page.Steps.Select(s => s.DependsOnOrder));
        Assert.Equal(Discharge.Date.AddDays(30), page.Steps[2].Step.DueFrom.Date);
        Assert.Equal(["temperature", "medication"], page.Steps[1].Questions.Select(q => q.Key));
        Assert.All(page.Steps, s => Assert.Equal(StepStatus.Waiting, s.Step.Status));
        Assert.Empty(page.Steps[1].Tasks);

        var list = await PlanList.RunAsync(db, hospital.Nurse(hospital.Cardiology.Id), new PlanListQuery(), default);
        Assert.Equal(3, Assert.Single(list.Items).Steps);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_later_step_becomes_a_row_exactly_at_the_horizon_depending_on_the_step_before_it(DatabaseProvider provider)
    {
        var (hospital, planId) = await PciPlanAsync(provider);
        await using var _h = hospital;
        await using var db = hospital.Database.NewContext();
        var d7 = (await OpenPlan.RunAsync(db, hospital.Nurse(hospital.Cardiology.Id), planId, default)).Value!.Steps[1].Step;
        var atHorizon = d7.DueFrom - StepTasks.Horizon;

        Assert.Equal(0, await UpcomingSteps.CreateTasksAsync(db, atHorizon.AddSeconds(-1), default));
        Assert.Single(await RowsAsync(db, planId));

        Assert.Equal(1, await UpcomingSteps.CreateTasksAsync(db, atHorizon, default));
        var rows = await RowsAsync(db, planId);
        Assert.Equal(["D+3", "D+7"], rows.Select(s => s.Label));
        Assert.Equal(rows[0].Id, rows[1].DependsOnStepId);
        Assert.Equal((d7.DueFrom, d7.DueTo, d7.NodeId, d7.FirstChannel), (rows[1].DueFrom, rows[1].DueTo, rows[1].NodeId, rows[1].FirstChannel));
        var task = await db.Tasks.AsNoTracking().SingleAsync(t => t.PlanStepId == rows[1].Id);
        Assert.Equal((ChannelKind.AiCall, 2, TaskState.Pending, d7.DueFrom), (task.Channel, task.MaxAttempts, task.State, task.NextAttemptAt));
        var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == planId);
        Assert.Equal(Discharge.Date.AddDays(30), plan.LaterStepsFrom!.Value.Date);   // D+30 still waits
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Two_processes_making_the_same_later_step_at_once_make_one_row_and_one_task(DatabaseProvider provider)
    {
        var (hospital, planId) = await PciPlanAsync(provider);
        await using var _h = hospital;
        var late = Discharge.AddDays(40);   // both later steps are due

        async Task<int> RunAsync()
        {
            await using var own = hospital.Database.NewContext();
            own.Actor = Core.Audit.AuditActor.System("test");
            return await UpcomingSteps.CreateTasksAsync(own, late, default);
        }
        var made = await Task.WhenAll(RunAsync(), RunAsync(), RunAsync());
        Assert.Equal(2, made.Sum());
        Assert.Equal(0, await RunAsync());   // and again later: nothing new

        await using var db = hospital.Database.NewContext();
        var rows = await RowsAsync(db, planId);
        Assert.Equal(["D+3", "D+7", "D+30"], rows.Select(s => s.Label));
        foreach (var row in rows.Skip(1))
            Assert.Equal(1, await db.Tasks.CountAsync(t => t.PlanStepId == row.Id));
        Assert.Null((await db.Plans.AsNoTracking().SingleAsync(p => p.Id == planId)).LaterSteps);

        // Even past the lock, the database refuses a second row for the same plan and order.
        db.PlanSteps.Add(LaterSteps.ToStep(new LaterStep(2, "重复", "D+7", late, late, "", null, rows[1].NodeId, ChannelKind.AiCall), planId, StepStatus.Waiting));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_plan_cancelled_before_its_later_steps_come_near_never_makes_them_and_shows_them_cancelled(DatabaseProvider provider)
    {
        var (hospital, planId) = await PciPlanAsync(provider);
        await using var _h = hospital;
        await using var db = hospital.Database.NewContext();
        var nurse = hospital.Nurse(hospital.Cardiology.Id);
        Assert.True((await CancelPlan.RunAsync(db, nurse, new CancelPlanCommand(planId, "患者已转院"), Now, default)).Value!.Ok);

        Assert.Equal(0, await UpcomingSteps.CreateTasksAsync(db, Discharge.AddDays(40), default));
        Assert.Single(await RowsAsync(db, planId));
        Assert.Equal(0, await db.Tasks.Open().CountAsync(t => t.PlanId == planId));

        var page = (await OpenPlan.RunAsync(db, nurse, planId, default)).Value!;
        Assert.Equal([StepStatus.Cancelled, StepStatus.Cancelled, StepStatus.Cancelled], page.Steps.Select(s => s.Step.Status));
        Assert.Equal(3, (await PlanList.RunAsync(db, nurse, new PlanListQuery(), default)).Items.Single().Steps);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_later_step_whose_window_passed_while_the_job_did_not_run_still_gets_its_row_and_one_due_task(DatabaseProvider provider)
    {
        var (hospital, planId) = await PciPlanAsync(provider);
        await using var _h = hospital;
        await using var db = hospital.Database.NewContext();
        var d7 = (await OpenPlan.RunAsync(db, hospital.Nurse(hospital.Cardiology.Id), planId, default)).Value!.Steps[1].Step;
        var afterWindow = d7.DueTo.AddDays(1);

        // The same as a step written at plan creation: its task is made, due at once, and the engine's contact rules decide.
        Assert.Equal(1, await UpcomingSteps.CreateTasksAsync(db, afterWindow, default));
        var row = (await RowsAsync(db, planId))[1];
        var task = await db.Tasks.AsNoTracking().SingleAsync(t => t.PlanStepId == row.Id);
        Assert.Equal((TaskState.Due, d7.DueFrom, d7.DueTo), (task.State, task.NextAttemptAt, task.DueTo));

        // A plan with later steps still to come is not closed, even when every task it has is done.
        await db.Tasks.Where(t => t.PlanId == planId).ExecuteUpdateAsync(u => u.SetProperty(t => t.State, TaskState.Completed));
        Assert.False(await Core.Plans.Metrics.ClosePlans.CompleteIfFinishedAsync(db, planId, afterWindow, default));
    }
}
