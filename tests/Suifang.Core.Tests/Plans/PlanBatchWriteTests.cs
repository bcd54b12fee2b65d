using Microsoft.EntityFrameworkCore;
using Suifang.Core.Audit;
using Suifang.Core.Data;
using Suifang.Core.Plans;
using Suifang.Core.Plans.BuildPlan;
using Suifang.Core.Plans.CreatePlans;
using Suifang.Testing;

namespace Suifang.Core.Tests.Plans;

/// A large batch (the daily job writes up to 5,000 plans at once) is written with SQLite's bulk settings, and its steps
/// in the order of their pathway node across all plans of the batch (so that consecutive rows share most values):
/// every plan must still get its own steps, in its own dependency chain (7.2.1.1 c), with its own first task.
public sealed class PlanBatchWriteTests
{
    [Theory, ClassData(typeof(Providers))]
    public async Task Plans_written_in_one_large_batch_each_keep_their_own_steps_chain_and_first_task(DatabaseProvider provider)
    {
        var (hospital, pathways) = await PlanStorageTests.SetUpAsync(provider);
        await using var _ = hospital;
        const int count = PlanWriter.BigBatch;
        var patients = await hospital.AddAsync(Enumerable.Range(0, count)
            .Select(i => hospital.Patient().DischargedOn(PlanStorageTests.Discharge.AddMinutes(i), hospital.Cardiology.Id).WithDiagnosis("I21.9", "急性心肌梗死"))
            .ToArray());

        var expected = new Dictionary<long, List<(string Label, string Title, bool OwnContent)>>();
        await using (var db = hospital.Database.NewContext())
        {
            db.Actor = AuditActor.System("test");
            var inputs = await PlanInputs.PatientsAsync(db, patients.Select(p => p.Id), default);
            // Every other patient follows both pathways: a merged plan, whose merged step has its own content.
            var builds = patients.Select((p, i) => PlanBuilder.Build(new PlanRequest(inputs[p.Id], PlanEncounter.Of(p.Encounters[0]),
                i % 2 == 0 ? [pathways[0]] : [pathways[0], pathways[1]], new PlanOptions()), PlanStorageTests.Now)).ToList();
            Assert.All(builds, b => Assert.False(b.Refused));
            foreach (var b in builds)
                expected[b.Request.Patient.Id] = b.Plan!.Steps.OrderBy(s => s.Order).Select(s => (s.Label, s.Title, s.NodeId is null)).ToList();
            // SQLite: the batch raises the page cache and the checkpoint interval for itself and gives back what the
            // connection had before, e.g. an Excel import's bulk session, inside which plans are made per batch.
            var sqlite = !db.Database.IsNpgsql();
            if (sqlite)
            {
                await db.Database.OpenConnectionAsync();
                await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size=-16384; PRAGMA wal_autocheckpoint=12345;");
            }
            Assert.Equal(count, (await PlanWriter.SaveAsync(db, builds, "测试：批量写入", PlanStorageTests.Now, default)).Count);
            if (sqlite)
            {
                Assert.Equal((-16384L, 12345L), (await PragmaAsync(db, "cache_size"), await PragmaAsync(db, "wal_autocheckpoint")));
                await db.Database.CloseConnectionAsync();
            }
        }

        await using var read = hospital.Database.NewContext();
        // Only each plan's first step is a row now; the job makes the later ones rows, in the same chain, when they come near.
        Assert.Equal(count, await read.PlanSteps.CountAsync());
        await Suifang.Core.Plans.Upcoming.UpcomingSteps.MaterialiseAsync(read, PlanStorageTests.Now.AddYears(1), default);
        var plans = await read.Plans.AsNoTracking().Include(p => p.Steps).ToListAsync();
        var tasks = (await read.Tasks.AsNoTracking().Where(t => t.PlanStepId != null).ToListAsync()).ToLookup(t => t.PlanId);
        Assert.Equal(count, plans.Count);
        foreach (var plan in plans)
        {
            var steps = plan.Steps.OrderBy(s => s.Order).ToList();
            Assert.Equal(expected[plan.PatientId], steps.Select(s => (s.Label, s.Title, s.NodeId is null)));
            Assert.Equal(steps.Select((s, i) => i == 0 ? null : (long?)steps[i - 1].Id), steps.Select(s => s.DependsOnStepId));
            Assert.All(steps, s => Assert.Equal(s.NodeId is null, s.Questions.Count > 0));
            Assert.Equal(steps[0].Id, Assert.Single(tasks[plan.Id]).PlanStepId);
        }
        // One pre-call notice per plan: it goes out days ahead, so it is marked on the plan's first call and written by
        // the plan job shortly before (PreCallNotices).
        Assert.Equal(count, await read.Tasks.CountAsync(t => t.PlanStepId != null && t.NoticeAt != null));
    }

    private static async Task<long> PragmaAsync(SuifangDbContext db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA " + name;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
