using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;
using Suifang.Core.Audit;
using Suifang.Core.Common;
using Suifang.Core.Data;
using Suifang.Core.Plans.Automatic;
using Suifang.Core.Plans.Metrics;
using Suifang.Core.Plans.Upcoming;

namespace Suifang.Web.Plans;

/// 5.1.3 daily plan creation: encounters of the last days without a plan get the plans their rules ask for
/// (the same as on arrival; catches late discharges, new rules and newly published pathways).
[DisallowConcurrentExecution]
internal sealed class DailyPlanCreationJob(IDbContextFactory<SuifangDbContext> dbFactory, HospitalClock clock, IOptions<PlansOptions> options,
    ILogger<DailyPlanCreationJob> log) : IJob
{
    public static readonly JobKey Key = new("plans-daily", "plans");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = AuditActor.System("随访计划");
        var result = await AutoPlanner.DailyAsync(db, clock.Now, options.Value.LookbackDays, ct);
        var upcoming = await UpcomingSteps.CreateTasksAsync(db, clock.Now, ct);
        log.LogInformation("Daily plan creation: {Encounters} encounters, {Created} plans created, {NoRule} without a rule, {Refused} refused; {Upcoming} tasks for steps coming near",
            result.Encounters, result.Created, result.NoRule, result.Refusals.Count, upcoming);
    }
}

/// Activates plans whose set start has come, makes the tasks of steps that come near (StepTasks.Horizon), and closes the plans whose steps have all finished (E_p, P_p).
[DisallowConcurrentExecution]
internal sealed class ClosePlansJob(IDbContextFactory<SuifangDbContext> dbFactory, HospitalClock clock, ILogger<ClosePlansJob> log) : IJob
{
    public static readonly JobKey Key = new("plans-close", "plans");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = AuditActor.System("随访计划");
        var activated = await ActivatePlans.ActivateDueAsync(db, clock.Now, ct);
        // Before closing: a plan whose later step has no task yet is not finished.
        var upcoming = await UpcomingSteps.CreateTasksAsync(db, clock.Now, ct);
        var closed = await ClosePlans.CloseFinishedAsync(db, clock.Now, ct);
        log.LogInformation("Plans: {Activated} activated, {Upcoming} tasks made for steps coming near, {Closed} closed with their planning figures",
            activated, upcoming, closed);
    }
}
