using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Suifang.Core.Data;
using Suifang.Core.Patients;
using Suifang.Core.Plans;
using Suifang.Core.Plans.Automatic;
using Suifang.Testing;

namespace Suifang.Core.Tests.Plans;

/// Automatic plan creation prepares the next batch (encounters, inputs, rules, merge, build) on a second connection while
/// the current batch is written (AutoPlanPipeline, bench/README.md plan-create round 6). Batches of 4 here instead of
/// 5,000. The outcome must be what batch after batch gives, including a patient whose second encounter is in a later
/// batch than the first (the later plan avoids the earlier plan's call days, 7.2.1.2 c, even before that batch is
/// committed), and a failing batch must leave nothing half-written and stop the run (5.1.3).
public sealed class AutoPlanPipelineTests
{
    private static readonly DateTime Now = new(2026, 11, 30, 9, 0, 0);

    /// 10 coronary patients discharged over the last days (PCI plans), then a diabetes encounter for five of them
    /// discharged the day before their first: its D+8 call falls on the PCI plan's D+7 call day.
    private static async Task<TestHospital> WorldAsync(DatabaseProvider provider, params IInterceptor[] interceptors)
    {
        var hospital = await TestHospital.CreateAsync(provider);
        await using var db = hospital.Database.NewContext();
        await TestPathways.AddAsync(db, TestPathways.Pci(hospital.Hospital.Id, hospital.Cardiology.Id), TestPathways.Diabetes(hospital.Hospital.Id, hospital.Cardiology.Id));
        var discharges = Enumerable.Range(0, 10).Select(i => Now.Date.AddDays(-(i % 3)).AddHours(9 + i)).ToList();
        var patients = await hospital.AddAsync([.. discharges.Select((at, i) => hospital.Patient().Named($"患者{i}")
            .DischargedOn(at, hospital.Cardiology.Id).WithDiagnosis("I21.9", "急性心肌梗死"))]);
        foreach (var (patient, i) in patients.Select((p, i) => (p, i)).Where(x => x.i % 2 == 0))
            db.Encounters.Add(new Encounter
            {
                PatientId = patient.Id, HospitalId = hospital.Hospital.Id, CampusId = hospital.CampusId, VisitType = VisitType.Discharged,
                DepartmentId = hospital.Cardiology.Id, VisitAt = discharges[i].AddDays(-8), DischargeAt = discharges[i].AddDays(-1),
                PrimaryDiagnosisCode = "E11.900", PrimaryDiagnosisName = "2型糖尿病", Source = PatientSource.Manual,
            });
        db.PlanRules.AddRange(
            new PlanRule { HospitalId = hospital.Hospital.Id, Name = "冠心病", DiagnosisCodes = "I20-I25", PathwayKey = "pci", CreatedAt = Now },
            new PlanRule { HospitalId = hospital.Hospital.Id, Name = "糖尿病", DiagnosisCodes = "E11", PathwayKey = "type2-diabetes", CreatedAt = Now });
        await db.SaveChangesAsync();
        return hospital;
    }

    private static async Task<long[]> EncountersAsync(SuifangDbContext db) => await db.Encounters.OrderBy(e => e.Id).Select(e => e.Id).ToArrayAsync();

    [Theory, ClassData(typeof(Providers))]
    public async Task Pipelined_batches_give_the_same_plans_steps_and_tasks_as_batch_after_batch(DatabaseProvider provider)
    {
        async Task<(string Rows, AutoPlanResult Result)> RunAsync(bool pipelined)
        {
            await using var hospital = await WorldAsync(provider);
            await using var db = hospital.Database.NewContext();
            Assert.NotNull(AutoPlanPipeline.SecondContext(db));
            var result = await AutoPlanner.ForEncountersAsync(db, await EncountersAsync(db), Now, default, batch: 4, pipelined);
            return (await RowsAsync(db), result);
        }

        var (sequential, one) = await RunAsync(pipelined: false);
        var (pipelined, two) = await RunAsync(pipelined: true);

        Assert.Equal((15, 15, 0), (one.Encounters, one.Created, one.NoRule));
        Assert.Equal((one.Encounters, one.Created, one.NoRule, one.Refusals.Count), (two.Encounters, two.Created, two.NoRule, two.Refusals.Count));
        Assert.Equal(sequential, pipelined);
        // The diabetes plans were built knowing the PCI plans of the batches before theirs.
        Assert.Contains("其他随访计划的电话", sequential);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_batch_failing_in_the_pipeline_leaves_no_part_of_its_plans_and_nothing_after_it_and_the_next_run_makes_the_rest(DatabaseProvider provider)
    {
        var failing = new FailOnSecondCommit();
        await using var hospital = await WorldAsync(provider);
        long[] encounters;
        await using (var first = hospital.Database.NewContext())
            encounters = await EncountersAsync(first);
        await using (var db = hospital.Database.NewContext(failing))
        {
            Assert.NotNull(AutoPlanPipeline.SecondContext(db));
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
                AutoPlanner.ForEncountersAsync(db, encounters, Now, default, batch: 4, pipelined: true));
            Assert.Equal(FailOnSecondCommit.Message, error.Message);
        }

        await using var read = hospital.Database.NewContext();
        // Only the first batch is there, whole: its plans, their steps and tasks; nothing of the batches after it. (The
        // first batch is a fifth of the others, at least one encounter: encounter 1; then 2–5, 6–9, …)
        Assert.Equal(encounters.Take(1).Select(e => (long?)e), await read.Plans.OrderBy(p => p.EncounterId).Select(p => p.EncounterId).ToListAsync());
        var planIds = await read.Plans.Select(p => p.Id).ToListAsync();
        Assert.False(await read.PlanSteps.AnyAsync(s => !planIds.Contains(s.PlanId)));
        Assert.False(await read.Tasks.AnyAsync(t => t.PlanId == null || !planIds.Contains(t.PlanId.Value)));
        Assert.False(await read.Set<PlanPathway>().AnyAsync(x => !planIds.Contains(x.PlanId)));
        Assert.All(await read.Plans.Include(p => p.Steps).ToListAsync(), p => Assert.NotEmpty(p.Steps));

        // The daily job's next run (lookback) makes the plans still missing, once.
        var next = await AutoPlanner.DailyAsync(read, Now, lookbackDays: 30, default);
        Assert.Equal(14, next.Created);
        Assert.Equal(15, await read.Plans.CountAsync());
        Assert.Equal(15, await read.Plans.Select(p => p.EncounterId).Distinct().CountAsync());
    }

    /// Fails the second batch's last command before its commit (marking the pathways used), after all its rows were sent.
    private sealed class FailOnSecondCommit : DbCommandInterceptor
    {
        public const string Message = "模拟第二批写入失败";
        private int _seen;

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("FirstUsedAt", StringComparison.Ordinal) && command.CommandText.TrimStart().StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
                && Interlocked.Increment(ref _seen) == 2)
                throw new InvalidOperationException(Message);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    private static async Task<string> RowsAsync(SuifangDbContext db)
    {
        var text = new StringBuilder();
        foreach (var p in await db.Plans.AsNoTracking().OrderBy(p => p.Id).ToListAsync())
            text.Append(CultureInfo.InvariantCulture, $"plan {p.Id} patient {p.PatientId} encounter {p.EncounterId} {p.Status} {p.LaterSteps} {p.LaterStepsFrom:O} {string.Join(" ", await MergeNotes.ReadAsync(db, p.MergeNotesId, default))}\n");
        foreach (var s in await db.PlanSteps.AsNoTracking().OrderBy(s => s.Id).ToListAsync())
            text.Append(CultureInfo.InvariantCulture, $"step {s.Id} plan {s.PlanId} #{s.Order} {s.Label} {s.DueFrom:O} {s.DueTo:O} after {s.DependsOnStepId} node {s.NodeId} {s.FirstChannel}\n");
        foreach (var t in await db.Tasks.AsNoTracking().OrderBy(t => t.Id).ToListAsync())
            text.Append(CultureInfo.InvariantCulture, $"task {t.Id} plan {t.PlanId} step {t.PlanStepId} {t.Channel} {t.State} {t.NextAttemptAt:O} notice {t.NoticeAt:O} {t.IdempotencyKey.Split(':')[0]}\n");
        return text.ToString();
    }
}
