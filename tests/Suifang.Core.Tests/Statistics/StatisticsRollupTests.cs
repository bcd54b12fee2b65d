using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Calls;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Statistics;
using Suifang.Core.Tasks;
using Suifang.Core.Todos;
using Suifang.Testing;

namespace Suifang.Core.Tests.Statistics;

/// 5.1.7 with the daily rollup: closed days read from StatisticsDays / StatisticsBatchDays plus the other days counted
/// live must give exactly what counting every day live gives, for every period, grouping, filter and scope, on random data.
public sealed class StatisticsRollupTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);
    private static readonly DateTime Now = new(2026, 11, 20, 0, 5, 0);

    private static IEnumerable<StatisticsPeriod> Periods()
    {
        foreach (var day in new[] { new DateOnly(2026, 9, 25), new DateOnly(2026, 10, 31), new DateOnly(2026, 11, 16), Today.AddDays(-1), Today, Today.AddDays(3) })
            foreach (var kind in new[] { PeriodKind.Day, PeriodKind.Week, PeriodKind.Month })
                yield return StatisticsPeriod.Around(kind, day);
        yield return StatisticsPeriod.Around(PeriodKind.Quarter, Today);
        yield return StatisticsPeriod.Around(PeriodKind.Quarter, new DateOnly(2026, 9, 1));
        yield return StatisticsPeriod.Around(PeriodKind.Year, Today);
        yield return StatisticsPeriod.Custom(new DateOnly(2026, 10, 3), new DateOnly(2026, 11, 27)).Period!;
        yield return StatisticsPeriod.Custom(new DateOnly(2026, 8, 1), new DateOnly(2027, 1, 31)).Period!;
    }

    private static IEnumerable<StaffScope> Scopes(RollupWorld w) =>
        [w.Hospital.Supervisor(), w.Hospital.Nurse(w.Hospital.Cardiology.Id), w.Hospital.Nurse(w.Hospital.Neurology.Id, 999)];

    private static async Task AssertRollupMatchesLiveAsync(RollupWorld w)
    {
        var compared = 0;
        await using var db = w.Hospital.Database.NewContext();
        foreach (var scope in Scopes(w))
            foreach (var period in Periods())
                foreach (var grouping in new[] { StatisticsGrouping.Department, StatisticsGrouping.Staff })
                    foreach (var (department, channel) in new (int?, ChannelKind?)[] { (null, null), (null, ChannelKind.AiCall), (w.Hospital.Cardiology.Id, null) })
                    {
                        var filter = new StatisticsFilter { Period = period, Grouping = grouping, DepartmentId = department, Channel = channel };
                        var rolled = await FollowUpStatistics.RunAsync(db, scope, filter, default);
                        var live = await FollowUpStatistics.RunLiveAsync(db, scope, filter, default);
                        var what = $"{scope.UserName} {period.Label} {grouping} {department} {channel}";
                        Assert.True(live.Rows.SequenceEqual(rolled.Rows), what);
                        Assert.Equal(live.ByChannel, rolled.ByChannel);
                        Assert.Equal(live.Total, rolled.Total);
                        Assert.True(live.Trend.SequenceEqual(rolled.Trend), what);
                        compared += live.Total.Due;
                    }
        Assert.True(compared > 1000, "the random data must reach the reports");

        var batches = 0;
        foreach (var scope in Scopes(w))
            foreach (var period in Periods())
                foreach (var department in new int?[] { null, w.Hospital.Neurology.Id })
                    foreach (var (page, size) in new[] { (1, 50), (2, 4), (9, 3) })
                    {
                        var rolled = await OutboundBatches.ListAsync(db, scope, period, department, page, size, default);
                        var live = await OutboundBatches.ListLiveAsync(db, scope, period, department, page, size, default);
                        Assert.Equal(live.Total, rolled.Total);
                        Assert.True(live.Items.SequenceEqual(rolled.Items), $"{scope.UserName} {period.Label} {department} page {page}×{size}");
                        batches += live.Items.Count;
                    }
        Assert.True(batches > 100, "the random calls must make batches");
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Rollup_of_closed_days_plus_live_days_equals_counting_every_day_live(DatabaseProvider provider)
    {
        await using var w = await RollupWorld.CreateAsync(provider, seed: 17);
        var run = Assert.Single(await w.RollUpAsync(Today, Now));

        Assert.Equal(Today.DayNumber - RollupWorld.FirstDay.DayNumber, run.Days);
        await using (var db = w.Hospital.Database.NewContext())
        {
            Assert.True(await db.StatisticsDays.CountAsync() > 100);
            Assert.True(await db.StatisticsBatchDays.CountAsync() > 50);
            Assert.False(await db.StatisticsRolledDays.AnyAsync(d => d.Day >= Today), "today and the days ahead stay live");
            // A day the job has not reached (downtime, or rows deleted to rebuild): counted live between rolled-up days.
            await db.StatisticsRolledDays.Where(d => d.Day == new DateOnly(2026, 11, 2) || d.Day == new DateOnly(2026, 10, 14)).ExecuteDeleteAsync();
        }
        await AssertRollupMatchesLiveAsync(w);

        // The reports really read closed days from the rollup: a row changed by hand shows, today's counts do not.
        await using var check = w.Hospital.Database.NewContext();
        var november = new StatisticsFilter { Period = StatisticsPeriod.Around(PeriodKind.Month, Today) };
        await check.StatisticsDays.Where(d => d.Day == new DateOnly(2026, 11, 10)).ExecuteUpdateAsync(u => u.SetProperty(d => d.Due, d => d.Due + 1000));
        await check.StatisticsBatchDays.Where(d => d.Day == new DateOnly(2026, 11, 10)).ExecuteUpdateAsync(u => u.SetProperty(d => d.Calls, d => d.Calls + 1000));
        var rows = await check.StatisticsDays.CountAsync(d => d.Day == new DateOnly(2026, 11, 10));
        var live = await FollowUpStatistics.RunLiveAsync(check, w.Hospital.Supervisor(), november, default);
        Assert.Equal(live.Total.Due + 1000 * rows, (await FollowUpStatistics.RunAsync(check, w.Hospital.Supervisor(), november, default)).Total.Due);
        var batches = await OutboundBatches.ListAsync(check, w.Hospital.Supervisor(), StatisticsPeriod.Around(PeriodKind.Day, new DateOnly(2026, 11, 10)), null, 1, 50, default);
        Assert.All(batches.Items, b => Assert.True(b.Calls > 1000));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Late_changes_to_closed_days_reach_the_rollup_on_the_next_run(DatabaseProvider provider)
    {
        await using var w = await RollupWorld.CreateAsync(provider, seed: 5);
        await w.RollUpAsync(Today, Now);
        var later = Now.AddMinutes(15);
        await using (var db = w.Hospital.Database.NewContext())
        {
            // Old days (beyond the 3 re-rolled ones): a task finished now, a to-do raised now for a step of October.
            var old = await db.Tasks.Where(t => t.DueFrom >= new DateTime(2026, 10, 20) && t.DueFrom < new DateTime(2026, 11, 1)
                    && t.State != TaskState.Completed && t.State != TaskState.Cancelled && t.PlanStepId != null)
                .OrderBy(t => t.Id).FirstAsync();
            old.State = TaskState.Completed;
            old.Attempts++;
            old.UpdatedAt = later;
            var step = await db.PlanSteps.Where(s => s.DueFrom < new DateTime(2026, 10, 20)).OrderBy(s => s.Id).FirstAsync();
            var plan = await db.Plans.SingleAsync(p => p.Id == step.PlanId);
            db.Todos.Add(new TodoItem
            {
                HospitalId = w.Hospital.Hospital.Id, DepartmentId = plan.DepartmentId, PatientId = plan.PatientId, PlanStepId = step.Id,
                Kind = TodoKind.CriticalValue, Reason = "血钾 6.8", Source = "manual", CreatedAt = later,
            });
            // An old encounter's attending doctor corrected now: the reports group its plans' tasks and to-dos by doctor.
            var corrected = await (from t in db.Tasks
                                   join p in db.Plans on t.PlanId equals p.Id
                                   join e in db.Encounters on p.EncounterId equals e.Id
                                   where t.DueFrom >= new DateTime(2026, 10, 1) && t.DueFrom < new DateTime(2026, 10, 15) && e.AttendingDoctor != null
                                   orderby t.Id
                                   select e).FirstAsync();
            corrected.AttendingDoctor += "（更正）";
            corrected.UpdatedAt = later;
            // Yesterday (within the re-rolled days): a call that ended after midnight, counted without any change marker.
            var call = await db.Calls.Where(c => c.StartedAt >= new DateTime(2026, 11, 19) && c.StartedAt < new DateTime(2026, 11, 20) && !c.Inbound)
                .OrderBy(c => c.Id).FirstAsync();
            call.End = call.End == CallEnd.Completed ? CallEnd.Refused : CallEnd.Completed;
            await db.SaveChangesAsync();
        }

        var run = Assert.Single(await w.RollUpAsync(Today, later.AddMinutes(1)));

        Assert.Equal(0, run.Missing);
        Assert.Equal(3, run.ReRolled);
        Assert.True(run.Changed >= 3, "the task's day, the to-do's step's day and the corrected encounter's days");
        await AssertRollupMatchesLiveAsync(w);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Missing_days_after_downtime_are_filled_and_today_is_never_rolled_up(DatabaseProvider provider)
    {
        await using var w = await RollupWorld.CreateAsync(provider, seed: 3, steps: 60, calls: 40);
        await w.RollUpAsync(new DateOnly(2026, 10, 10), new DateTime(2026, 10, 10, 0, 5, 0));
        var run = Assert.Single(await w.RollUpAsync(Today, Now, reRollDays: 1));

        Assert.Equal(new DateOnly(2026, 11, 19).DayNumber - new DateOnly(2026, 10, 10).DayNumber + 1, run.Missing);
        await using var db = w.Hospital.Database.NewContext();
        var days = await db.StatisticsRolledDays.Select(d => d.Day).OrderBy(d => d).ToListAsync();
        Assert.Equal(Enumerable.Range(0, Today.DayNumber - RollupWorld.FirstDay.DayNumber).Select(i => RollupWorld.FirstDay.AddDays(i)), days);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_rerun_and_two_runs_at_the_same_time_leave_the_same_rows(DatabaseProvider provider)
    {
        await using var w = await RollupWorld.CreateAsync(provider, seed: 11, steps: 100, calls: 80);
        await w.RollUpAsync(Today, Now);
        var first = await SnapshotAsync(w);
        Assert.NotEmpty(first);

        await w.RollUpAsync(Today, Now.AddMinutes(15));
        Assert.Equal(first, await SnapshotAsync(w));

        await using (var db = w.Hospital.Database.NewContext())
            await db.StatisticsRolledDays.ExecuteDeleteAsync();
        await Task.WhenAll(w.RollUpAsync(Today, Now.AddMinutes(30)), w.RollUpAsync(Today, Now.AddMinutes(30)));
        Assert.Equal(first, await SnapshotAsync(w));
        await AssertRollupMatchesLiveAsync(w);
    }

    private static async Task<List<string>> SnapshotAsync(RollupWorld w)
    {
        await using var db = w.Hospital.Database.NewContext();
        var days = (await db.StatisticsDays.AsNoTracking().ToListAsync())
            .Select(d => $"{d.Day:yyyy-MM-dd}|{d.DepartmentId}|{d.Staff}|{d.Channel}|{d.Due}|{d.FollowedUp}|{d.Completed}|{d.Abnormal}");
        var batches = (await db.StatisticsBatchDays.AsNoTracking().ToListAsync())
            .Select(b => $"{b.Day:yyyy-MM-dd}|{b.DepartmentId}|{b.Period}|{b.ScriptKey}|{b.ScriptVersion}|{b.FirstCallAt:O}|{b.LastCallAt:O}|{b.Calls}|{b.Patients}|{b.Answered}|{b.Completed}");
        var marked = (await db.StatisticsRolledDays.AsNoTracking().ToListAsync()).Select(d => $"{d.Day:yyyy-MM-dd}");
        return days.Concat(batches).Concat(marked).Order(StringComparer.Ordinal).ToList();
    }
}
