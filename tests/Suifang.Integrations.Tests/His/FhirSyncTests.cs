using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Patients.HisSync;
using Suifang.Core.Patients.Import;
using Suifang.Testing;

namespace Suifang.Integrations.Tests.His;

public sealed class FhirSyncTests
{
    [Theory, ClassData(typeof(Providers))]
    public async Task A_FHIR_server_failing_on_the_last_page_keeps_the_earlier_pages_and_the_next_run_resumes_there(DatabaseProvider provider)
    {
        await using var world = await SyncWorld.CreateAsync(provider);
        await using var server = await FhirSourceHarness.ThreePagesAsync();
        server.FailAlways(3, 503);
        var service = world.Service(FhirSourceHarness.Create(server));

        var failed = await service.SyncAsync(HisSyncTriggers.Scheduled, SyncWorld.System, null, CancellationToken.None);
        await using (var db = world.Database.NewContext())
            Assert.Equal(4, await db.Patients.CountAsync());
        server.Failures.Clear();
        var firstQueryOfNextRun = server.Requests.Count;
        var resumed = await service.SyncAsync(HisSyncTriggers.Scheduled, SyncWorld.System, null, CancellationToken.None);

        Assert.Equal(JobStatus.Failed, failed.Status);
        Assert.StartsWith("HIS 服务器暂时无法访问（HTTP 503）", failed.FailureMessage);
        Assert.EndsWith("已保留此前同步的数据，将在下次同步时从 2026-11-28 08:22:00 继续。", failed.FailureMessage);
        Assert.Equal("ge2026-11-28T08:22:00.000+08:00", server.Requests.ElementAt(firstQueryOfNextRun).LastUpdated);
        Assert.Equal((JobStatus.Completed, 2, 2), (resumed.Status, resumed.PatientsCreated, resumed.EncountersCreated));
        await using var check = world.Database.NewContext();
        Assert.Equal(6, await check.Patients.CountAsync());
        Assert.Equal(6, await check.Encounters.CountAsync());
    }
}
