using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Patients;
using Suifang.Core.Patients.HisSync;
using Suifang.Core.Patients.Import;
using Suifang.Testing;

namespace Suifang.Integrations.Tests.His;

public sealed class HisSyncServiceTests
{
    private static readonly DateTime At10 = new(2026, 11, 28, 10, 0, 0);

    [Theory, ClassData(typeof(Providers))]
    public async Task A_demo_pull_creates_patients_and_encounters_and_pulling_the_same_period_again_creates_no_duplicates(DatabaseProvider provider)
    {
        await using var world = await SyncWorld.CreateAsync(provider);
        var service = world.Service(world.Demo());

        var first = await service.SyncAsync(HisSyncTriggers.Scheduled, SyncWorld.System, null, CancellationToken.None);
        await using (var db = world.Database.NewContext())
            await db.HisSyncRuns.ExecuteDeleteAsync(); // forget the watermark: the next run reads the same period again
        var again = await service.SyncAsync(HisSyncTriggers.Manual, SyncWorld.System, null, CancellationToken.None);

        Assert.Equal(JobStatus.Completed, first.Status);
        Assert.Equal(0, first.RejectedResources);
        Assert.True(first.PatientsCreated >= 40, $"{first.PatientsCreated} patients");
        Assert.Equal(first.PatientsCreated, first.EncountersCreated);
        Assert.Equal((0, 0, 0, 0), (again.PatientsCreated, again.PatientsUpdated, again.EncountersCreated, again.EncountersUpdated));
        await using var check = world.Database.NewContext();
        Assert.Equal(first.PatientsCreated, await check.Patients.CountAsync(p => p.Source == PatientSource.His));
        Assert.Equal(first.EncountersCreated, await check.Encounters.CountAsync());
        Assert.True(await check.AuditLog.AnyAsync(a => a.UserName == "系统:HIS 同步" && a.Action == "create"));
        Assert.True(await check.AuditLog.AnyAsync(a => a.Action == "sync" && a.Summary.StartsWith("HIS 同步完成")));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task The_next_run_starts_from_the_watermark_the_last_one_reached(DatabaseProvider provider)
    {
        await using var world = await SyncWorld.CreateAsync(provider);
        var source = new ScriptedSource(ScriptedSource.Batch(At10, 1, 2));
        var service = world.Service(source);

        var first = await service.SyncAsync(HisSyncTriggers.Scheduled, SyncWorld.System, null, CancellationToken.None);
        var second = await service.SyncAsync(HisSyncTriggers.Scheduled, SyncWorld.System, null, CancellationToken.None);

        Assert.Equal([new DateTime(2026, 11, 28, 0, 0, 0), At10], source.Calls); // the first run ever starts at yesterday 00:00
        Assert.Equal((At10, At10), (first.ReachedWatermark, second.SinceWatermark));
        Assert.Equal(JobStatus.Completed, second.Status);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_failure_midway_keeps_the_committed_batches_and_the_next_run_resumes_from_their_watermark(DatabaseProvider provider)
    {
        await using var world = await SyncWorld.CreateAsync(provider);
        var source = new ScriptedSource(ScriptedSource.Batch(At10, 1, 2), ScriptedSource.Batch(At10.AddHours(1), 3, 4), ScriptedSource.Batch(At10.AddHours(2), 5, 6))
        {
            FailAfter = 2,
        };
        var service = world.Service(source);

        var failed = await service.SyncAsync(HisSyncTriggers.Scheduled, SyncWorld.System, null, CancellationToken.None);
        await using (var db = world.Database.NewContext())
            Assert.Equal(4, await db.Patients.CountAsync());
        source.FailAfter = int.MaxValue;
        var resumed = await service.SyncAsync(HisSyncTriggers.Scheduled, SyncWorld.System, null, CancellationToken.None);

        Assert.Equal(JobStatus.Failed, failed.Status);
        Assert.Equal("HIS 服务器暂时无法访问（HTTP 503），已重试 3 次，已保留此前同步的数据，将在下次同步时从 2026-11-28 11:00:00 继续。", failed.FailureMessage);
        Assert.Equal((4, At10.AddHours(1)), (failed.PatientsCreated, failed.ReachedWatermark));
        Assert.Equal(At10.AddHours(1), source.Calls[1]);
        Assert.Equal((JobStatus.Completed, 2), (resumed.Status, resumed.PatientsCreated));
        await using var check = world.Database.NewContext();
        Assert.Equal(6, await check.Patients.CountAsync());
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_second_run_is_refused_while_one_is_running(DatabaseProvider provider)
    {
        await using var world = await SyncWorld.CreateAsync(provider);
        var source = new ScriptedSource(ScriptedSource.Batch(At10, 1)) { Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var service = world.Service(source);

        var running = service.SyncAsync(HisSyncTriggers.Scheduled, SyncWorld.System, null, CancellationToken.None);
        await source.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var refused = await Assert.ThrowsAsync<HisSyncBusyException>(() => service.BeginAsync(HisSyncTriggers.Manual, SyncWorld.System, CancellationToken.None));
        source.Hold.SetResult();
        var finished = await running;
        var later = await service.SyncAsync(HisSyncTriggers.Manual, SyncWorld.System, null, CancellationToken.None);

        Assert.Contains("HIS 同步正在进行中", refused.Message);
        Assert.Equal(finished.Id, refused.RunningRunId);
        Assert.Equal((JobStatus.Completed, JobStatus.Completed), (finished.Status, later.Status));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Records_that_fail_validation_are_listed_with_their_resource_and_Chinese_reason_and_the_rest_is_written(DatabaseProvider provider)
    {
        await using var world = await SyncWorld.CreateAsync(provider);
        var badPhone = new Suifang.Core.Patients.HisSync.HisItem("Encounter/bad-phone", ScriptedSource.Person(7) with { Phone = "12345" });
        var unknownDepartment = new Suifang.Core.Patients.HisSync.HisItem("Encounter/bad-dept",
            ScriptedSource.Person(8) with { Encounter = ScriptedSource.Person(8).Encounter! with { Department = "宠物科" } });
        var batch = ScriptedSource.Batch(At10, 1) with
        {
            Items = [.. ScriptedSource.Batch(At10, 1).Items, badPhone, unknownDepartment],
            Rejected = [new HisRejection("Encounter/no-icd", "就诊没有带 ICD-10 编码的诊断")],
        };
        var service = world.Service(new ScriptedSource(batch));
        var progress = new List<HisSyncProgress>();

        var run = await service.SyncAsync(HisSyncTriggers.Manual, SyncWorld.System, new Collect(progress), CancellationToken.None);

        Assert.Equal((1, 3), (run.PatientsCreated, run.RejectedResources));
        var rejected = HisSyncTally.ReadRejected(run.RejectedDetails).ToDictionary(r => r.Resource, r => r.Reason);
        Assert.Contains("手机号", rejected["Encounter/bad-phone"]);
        Assert.Contains("未知科室“宠物科”", rejected["Encounter/bad-dept"]);
        Assert.Contains("ICD-10", rejected["Encounter/no-icd"]);
        var last = Assert.Single(progress);
        Assert.Equal((4, 1, 3), (last.Received, last.PatientsCreated, last.Rejected));
    }

    private sealed class Collect(List<HisSyncProgress> into) : IProgress<HisSyncProgress>
    {
        public void Report(HisSyncProgress value) => into.Add(value);
    }
}
