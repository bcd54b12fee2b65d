using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Plans;
using Suifang.Core.Plans.BuildPlan;
using Suifang.Core.Plans.CreatePlans;
using Suifang.Core.Plans.ListPlans;
using Suifang.Core.Plans.Upcoming;
using Suifang.Core.Tasks;
using Suifang.Testing;
using static Suifang.Core.Tests.Plans.PlanStorageTests;

namespace Suifang.Core.Tests.Plans;

/// A plan makes tasks only for the steps that come near (StepTasks.Horizon); the hourly job makes the later steps' tasks
/// when they do — the same task the plan would have made, once — and the plan checks (7.2.1.2 c, no two calls on one day)
/// still see the later steps' calls.
public sealed class UpcomingStepsTests
{
    private static async Task<(TestHospital Hospital, List<Pathway> Pathways, Core.Patients.Patient Patient, long PlanId)> PciPlanAsync(DatabaseProvider provider)
    {
        var (hospital, pathways) = await SetUpAsync(provider);
        var patient = (await hospital.AddAsync(hospital.Patient().DischargedOn(Discharge, hospital.Cardiology.Id)))[0];
        await using var db = hospital.Database.NewContext();
        var result = await CreatePlans.CreateAsync(db, hospital.Nurse(hospital.Cardiology.Id),
            new CreatePlansCommand([patient.Encounters[0].Id], [pathways[0].Id], new PlanOptions()), Now, default);
        return (hospital, pathways, patient, result.Value!.Outcomes[0].PlanId!.Value);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_later_step_gets_the_task_the_plan_would_have_made_when_it_comes_near_and_only_once(DatabaseProvider provider)
    {
        var (hospital, _, _, planId) = await PciPlanAsync(provider);
        await using var _h = hospital;
        await using var db = hospital.Database.NewContext();
        Assert.Equal(0, await UpcomingSteps.CreateTasksAsync(db, Now, default));   // D+7 is eight days away
        var d7 = (await OpenPlan.RunAsync(db, hospital.Nurse(hospital.Cardiology.Id), planId, default)).Value!.Steps[1].Step;
        var near = d7.DueFrom - StepTasks.Horizon;
        Assert.Equal(1, await UpcomingSteps.CreateTasksAsync(db, near, default));
        var steps = await db.PlanSteps.AsNoTracking().Where(s => s.PlanId == planId).OrderBy(s => s.Order).ToListAsync();
        Assert.Equal(["D+3", "D+7"], steps.Select(s => s.Label));   // D+30 is still a later step of the plan (LaterSteps)
        Assert.Equal(0, await UpcomingSteps.CreateTasksAsync(db, near.AddHours(1), default));   // never a second task for a step

        var task = await db.Tasks.AsNoTracking().SingleAsync(t => t.PlanStepId == steps[1].Id);
        Assert.Equal((planId, 0, ChannelKind.AiCall, TaskQueues.AiCall), (task.PlanId!.Value, task.ChannelIndex, task.Channel, task.Queue));
        Assert.Equal(2, task.MaxAttempts);   // the D+7 node: AI call with one redial
        Assert.Equal((steps[1].DueFrom, steps[1].DueTo, TaskState.Pending), (task.NextAttemptAt, task.DueTo, task.State));

        // The plan page reads each step's content through its node, and says that D+30's task comes later.
        var page = (await OpenPlan.RunAsync(db, hospital.Nurse(hospital.Cardiology.Id), planId, default)).Value!;
        Assert.Equal(["temperature", "medication"], page.Steps[1].Questions.Select(q => q.Key));
        Assert.Equal([ChannelKind.AiCall, ChannelKind.Manual], page.Steps[1].Channels.Select(c => c.Kind));
        Assert.Empty(page.Steps[2].Tasks);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_second_plan_does_not_call_on_the_day_of_a_later_step_whose_task_is_not_made_yet(DatabaseProvider provider)
    {
        var (hospital, _, patient, _) = await PciPlanAsync(provider);
        await using var _h = hospital;
        await using var db = hospital.Database.NewContext();
        var wound = (await TestPathways.AddAsync(db, TestPathways.Pathway(hospital.Hospital.Id, hospital.Cardiology.Id, "wound", "伤口随访", "I20-I25",
            TestPathways.Node("伤口检查", 7, 2))))[0];

        var result = await CreatePlans.CreateAsync(db, hospital.Nurse(hospital.Cardiology.Id),
            new CreatePlansCommand([patient.Encounters[0].Id], [wound.Id], new PlanOptions()), Now, default);

        // The PCI plan calls on D+7 (its task is not made yet): the wound check moves to the next day of its window.
        var outcome = Assert.Single(result.Value!.Outcomes);
        Assert.Equal(Discharge.AddDays(8), Assert.Single(outcome.Plan!.Steps).DueFrom);
        Assert.Contains(outcome.Issues, i => i.Message.Contains("已有其他随访计划的电话"));
    }
}
