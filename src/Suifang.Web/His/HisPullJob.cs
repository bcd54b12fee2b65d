using Quartz;
using Suifang.Core.Audit;
using Suifang.Core.Patients.HisSync;

namespace Suifang.Web.His;

/// The daily pull (His:PullCron). A pull already running (e.g. started by hand) makes this one step aside.
[DisallowConcurrentExecution]
internal sealed class HisPullJob(HisSyncRunner runner, ILogger<HisPullJob> log) : IJob
{
    public static readonly JobKey Key = new("his-pull", "his");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        try
        {
            var run = await runner.RunAsync(HisSyncTriggers.Scheduled, AuditActor.System("HIS 同步"), ct);
            log.LogInformation("Scheduled HIS pull {RunId} ended {Status}", run.Id, run.Status);
        }
        catch (HisSyncBusyException ex)
        {
            log.LogInformation("Scheduled HIS pull skipped: {Message}", ex.Message);
        }
    }
}
