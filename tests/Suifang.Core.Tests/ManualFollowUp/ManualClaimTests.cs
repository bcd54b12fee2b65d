using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.ManualFollowUp;
using Suifang.Core.Patients;
using Suifang.Testing;

namespace Suifang.Core.Tests.ManualFollowUp;

/// Claim and release in the work queue: two nurses never call the same patient at once.
public sealed class ManualClaimTests
{
    [Theory, ClassData(typeof(Providers))]
    public async Task Of_eight_nurses_claiming_the_same_patient_at_the_same_moment_exactly_one_gets_it(DatabaseProvider provider)
    {
        await using var m = await ManualWorld.CreateAsync(provider);
        var entry = await m.OpenEntryAsync((await m.ManualTaskAsync()).Id);
        var nurses = Enumerable.Range(1, 8).Select(i => m.Nurse($"nurse-{i}", $"护士{i}")).ToList();

        var results = await Task.WhenAll(nurses.Select(n => Task.Run(() => m.ClaimAsync(n, entry.Id))));

        Assert.Equal(1, results.Count(r => r.Ok));
        var winner = nurses[Array.FindIndex(results, r => r.Ok)];
        var row = Assert.Single(await m.QueueAsync(winner));
        Assert.Equal(("我正在拨打", winner.UserId), (row.Status, row.ClaimedBy));
        Assert.All(results.Where(r => !r.Ok), r => Assert.Contains("正在拨打这位患者", r.Error));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Another_task_of_a_patient_held_by_one_nurse_cannot_be_claimed_by_a_second(DatabaseProvider provider)
    {
        await using var m = await ManualWorld.CreateAsync(provider);
        var first = await m.ManualTaskAsync();
        var second = await m.ManualTaskAsync(patientId: first.PatientId);
        var (a, b) = (m.Nurse("nurse-a", "护士甲"), m.Nurse("nurse-b", "护士乙"));

        Assert.True((await m.ClaimAsync(a, (await m.OpenEntryAsync(first.Id)).Id)).Ok);
        var refused = await m.ClaimAsync(b, (await m.OpenEntryAsync(second.Id)).Id);

        Assert.False(refused.Ok);
        Assert.Contains("护士甲 正在拨打这位患者", refused.Error);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_released_or_lapsed_claim_lets_another_nurse_call(DatabaseProvider provider)
    {
        await using var m = await ManualWorld.CreateAsync(provider);
        var entry = await m.OpenEntryAsync((await m.ManualTaskAsync()).Id);
        var (a, b) = (m.Nurse("nurse-a", "护士甲"), m.Nurse("nurse-b", "护士乙"));

        Assert.True((await m.ClaimAsync(a, entry.Id)).Ok);
        await using (var db = m.NewContext())
            Assert.False((await ManualClaims.ReleaseAsync(db, b, entry.Id, ManualWorld.None)).Ok);
        await using (var db = m.NewContext())
            Assert.True((await ManualClaims.ReleaseAsync(db, a, entry.Id, ManualWorld.None)).Ok);
        Assert.True((await m.ClaimAsync(b, entry.Id)).Ok);

        m.Now = m.Now.AddMinutes(ManualClaims.ClaimMinutes + 1);
        Assert.True((await m.ClaimAsync(a, entry.Id)).Ok);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_nurse_of_another_department_neither_sees_nor_claims_the_task(DatabaseProvider provider)
    {
        await using var m = await ManualWorld.CreateAsync(provider);
        var entry = await m.OpenEntryAsync((await m.ManualTaskAsync()).Id);
        var cardiology = m.Nurse("nurse-x", "护士丙", m.World.Hospital.Cardiology.Id);

        Assert.Empty(await m.QueueAsync(cardiology));
        Assert.Equal(Access.Forbidden, (await m.ClaimAsync(cardiology, entry.Id)).Access);
        Assert.Equal(Access.Forbidden, (await m.RecordAsync(cardiology, entry.Id, new ManualRecordInput { Answers = ManualWorld.CalmPsychiatryAnswers() })).Access);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task The_queue_puts_urgent_then_earliest_due_first_and_filters_overdue_and_department(DatabaseProvider provider)
    {
        await using var m = await ManualWorld.CreateAsync(provider);
        var later = await m.ManualTaskAsync();
        m.Now = m.Now.AddHours(-30);
        var earlier = await m.ManualTaskAsync();
        m.Now = m.Now.AddHours(30);
        var urgent = await m.ManualTaskAsync();
        await using (var db = m.NewContext())
            await db.ManualQueue.Where(e => e.TaskId == urgent.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Priority, 5));

        var rows = await m.QueueAsync(m.Nurse());
        Assert.Equal([urgent.Id, earlier.Id, later.Id], rows.Select(r => r.TaskId));

        m.Now = m.Now.AddHours(20);   // the earlier task's window (2 days from 30 h ago) has closed; the others' not
        var overdue = await m.QueueAsync(m.Nurse(), new ManualQueueFilter(OverdueOnly: true));
        Assert.Equal([earlier.Id], overdue.Select(r => r.TaskId));
        Assert.Equal("超期待拨打", overdue[0].Status);
        Assert.Empty(await m.QueueAsync(m.World.Hospital.Supervisor(), new ManualQueueFilter(DepartmentId: m.World.Hospital.Cardiology.Id)));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task The_pathway_filter_keeps_the_tasks_of_plans_built_from_that_pathway(DatabaseProvider provider)
    {
        await using var m = await ManualWorld.CreateAsync(provider);
        var depression = await m.PathwayAsync("抑郁症出院随访");
        var other = await m.PathwayAsync("双相障碍随访");
        var task = await m.ManualTaskAsync(pathwayId: depression);
        await m.ManualTaskAsync(pathwayId: other);
        await m.ManualTaskAsync();

        var rows = await m.QueueAsync(m.Nurse(), new ManualQueueFilter(PathwayId: depression));

        Assert.Equal([task.Id], rows.Select(r => r.TaskId));
        Assert.Equal(("抑郁症出院随访", "D+7"), (rows[0].Pathway, rows[0].StepLabel));
    }
}
