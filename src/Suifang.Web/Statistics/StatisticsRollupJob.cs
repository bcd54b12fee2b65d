using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;
using Suifang.Core.Common;
using Suifang.Core.Data;
using Suifang.Core.Statistics.Rollup;

namespace Suifang.Web.Statistics;

/// 日汇总 (5.1.7): rolls up the closed days the statistics read (see StatisticsRollup for which days and why). Safe to
/// run again or on two nodes at once: each day is replaced whole under its lock.
[DisallowConcurrentExecution]
internal sealed class StatisticsRollupJob(IDbContextFactory<SuifangDbContext> dbFactory, HospitalClock clock, IOptions<StatisticsOptions> options,
    ILogger<StatisticsRollupJob> log) : IJob
{
    public static readonly JobKey Key = new("statistics-rollup", "statistics");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rollup = new StatisticsRollupOptions { ReRollDays = options.Value.ReRollDays };
        foreach (var run in await StatisticsRollup.RunAsync(db, clock.Today, clock.Now, rollup, ct))
            if (run.Days > 0)
                log.LogInformation("Statistics rollup of hospital {Hospital}: {Days} days ({Missing} missing, {ReRolled} recent, {Changed} changed)",
                    run.HospitalId, run.Days, run.Missing, run.ReRolled, run.Changed);
    }
}
