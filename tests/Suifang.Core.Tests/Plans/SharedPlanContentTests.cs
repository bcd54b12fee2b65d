using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Plans;
using Suifang.Core.Plans.BuildPlan;
using Suifang.Core.Plans.CreatePlans;
using Suifang.Core.Plans.ListPlans;
using Suifang.Core.Plans.Upcoming;
using Suifang.Testing;

namespace Suifang.Core.Tests.Plans;

/// Merged plans (7.2.3.2) of patients with the same diagnoses and anchor day store their merge notes and later steps once
/// (PlanContent): the plans of a second save, and patients discharged at other hours, reuse the stored texts, and each
/// plan still shows its own times.
public sealed class SharedPlanContentTests
{
    private static readonly DateTime Now = PlanStorageTests.Now;

    [Theory, ClassData(typeof(Providers))]
    public async Task Merged_plans_saved_apart_share_their_texts_and_each_shows_its_own_times(DatabaseProvider provider)
    {
        var (hospital, pathways) = await PlanStorageTests.SetUpAsync(provider);
        await using var _ = hospital;
        var morning = new DateTime(2026, 12, 1, 9, 30, 0);
        var afternoon = new DateTime(2026, 12, 1, 15, 45, 0);
        var patients = await hospital.AddAsync(
            hospital.Patient().DischargedOn(morning, hospital.Cardiology.Id),
            hospital.Patient().DischargedOn(afternoon, hospital.Cardiology.Id),
            hospital.Patient().DischargedOn(afternoon, hospital.Cardiology.Id));

        // Three saves, as three arrivals would make them.
        foreach (var patient in patients)
        {
            await using var db = hospital.Database.NewContext();
            var command = new CreatePlansCommand([patient.Encounters[0].Id], pathways.Select(p => p.Id).ToList(), new PlanOptions());
            Assert.Equal(1, (await CreatePlans.CreateAsync(db, hospital.Nurse(hospital.Cardiology.Id), command, Now, default)).Value!.Created);
        }

        await using var read = hospital.Database.NewContext();
        var plans = await read.Plans.AsNoTracking().OrderBy(p => p.Id).ToListAsync();
        Assert.All(plans, p => Assert.True(LaterSteps.IsShared(p.LaterSteps), p.LaterSteps));
        Assert.Single(plans.Select(p => p.LaterSteps).Distinct());
        Assert.Single(plans.Select(p => p.MergeNotesId).Distinct());
        Assert.NotNull(plans[0].MergeNotesId);
        Assert.Equal(2, await read.PlanContents.CountAsync());

        var pages = new List<PlanDetail>();
        foreach (var plan in plans)
            pages.Add((await OpenPlan.RunAsync(read, hospital.Supervisor(), plan.Id, default)).Value!);
        Assert.All(pages, p => Assert.Contains(p.Plan.MergeNotes, n => n.Contains("只问一次")));
        // Each plan's steps count from its own discharge: the afternoon patient's are 6 h 15 min later, step for step.
        var first = pages[0].Steps.Select(s => s.Step.DueFrom).ToList();
        var second = pages[1].Steps.Select(s => s.Step.DueFrom).ToList();
        Assert.Equal(4, first.Count);
        Assert.Equal(first.Select(t => t + (afternoon - morning)), second);
        Assert.Equal(morning.AddDays(30), first[2]);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Two_writers_storing_the_same_new_text_at_once_both_succeed_and_each_plan_reads_its_own(DatabaseProvider provider)
    {
        var (hospital, pathways) = await PlanStorageTests.SetUpAsync(provider);
        await using var _ = hospital;
        var discharge = PlanStorageTests.Discharge;
        var patients = await hospital.AddAsync(
            hospital.Patient().DischargedOn(discharge, hospital.Cardiology.Id),
            hospital.Patient().DischargedOn(discharge.AddHours(2), hospital.Cardiology.Id));

        // Two arrivals saved at the same moment on two connections: neither finds the other's text before it commits.
        var saves = patients.Select(async patient =>
        {
            await using var db = hospital.Database.NewContext();
            var command = new CreatePlansCommand([patient.Encounters[0].Id], pathways.Select(p => p.Id).ToList(), new PlanOptions());
            return (await CreatePlans.CreateAsync(db, hospital.Nurse(hospital.Cardiology.Id), command, Now, default)).Value!.Created;
        }).ToList();
        var created = await Task.WhenAll(saves);
        Assert.Equal(new[] { 1, 1 }, created);

        await using var read = hospital.Database.NewContext();
        // SQLite lets one writer at a time, so the second shares the first's texts; PostgreSQL may store each twice.
        Assert.InRange(await read.PlanContents.CountAsync(), 2, 4);
        var plans = await read.Plans.AsNoTracking().OrderBy(p => p.AnchorTime).ToListAsync();
        var pages = new List<PlanDetail>();
        foreach (var plan in plans)
            pages.Add((await OpenPlan.RunAsync(read, hospital.Supervisor(), plan.Id, default)).Value!);
        Assert.All(pages, p => Assert.Contains(p.Plan.MergeNotes, n => n.Contains("只问一次")));
        Assert.Equal(["D+3", "D+7/D+8", "D+30", "D+90"], pages[0].Steps.Select(s => s.Step.Label));
        Assert.Equal(pages[0].Steps.Select(s => s.Step.DueFrom.AddHours(2)), pages[1].Steps.Select(s => s.Step.DueFrom));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Later_steps_made_rows_leave_the_rest_of_the_shared_text_and_the_text_unchanged(DatabaseProvider provider)
    {
        var (hospital, pathways) = await PlanStorageTests.SetUpAsync(provider);
        await using var _ = hospital;
        var discharge = PlanStorageTests.Discharge;
        var patient = (await hospital.AddAsync(hospital.Patient().DischargedOn(discharge, hospital.Cardiology.Id)))[0];
        await using (var db = hospital.Database.NewContext())
            await CreatePlans.CreateAsync(db, hospital.Nurse(hospital.Cardiology.Id),
                new CreatePlansCommand([patient.Encounters[0].Id], pathways.Select(p => p.Id).ToList(), new PlanOptions()), Now, default);
        await using var read = hospital.Database.NewContext();
        var before = await read.Plans.AsNoTracking().Select(p => p.LaterSteps).SingleAsync();
        var text = await read.PlanContents.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Text).ToListAsync();

        // The job a week after discharge makes the D+7 step a row; D+30 and D+90 stay in the shared text.
        Assert.Equal(1, await UpcomingSteps.MaterialiseAsync(read, discharge.AddDays(8), default));
        var after = await read.Plans.AsNoTracking().Select(p => p.LaterSteps).SingleAsync();
        var id = before!.Split(':')[0];
        Assert.Equal($"{id}:0:3", before);
        Assert.Equal($"{id}:1:2", after);
        Assert.Equal(text, await read.PlanContents.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Text).ToListAsync());
        var page = (await OpenPlan.RunAsync(read, hospital.Supervisor(), (await read.Plans.SingleAsync()).Id, default)).Value!;
        Assert.Equal(["D+3", "D+7/D+8", "D+30", "D+90"], page.Steps.Select(s => s.Step.Label));
        Assert.Equal(discharge.AddDays(30), page.Steps[2].Step.DueFrom);
    }
}
