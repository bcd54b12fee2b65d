using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;

namespace Suifang.Core.Statistics.Rollup;

public sealed class StatisticsRollupOptions
{
    /// 重算天数: every run rolls up again the last N closed days (yesterday and the N − 1 days before), so that calls
    /// that end after midnight, redials, late questionnaire answers and to-dos closed later reach the rollup.
    public int ReRollDays { get; set; } = 3;

    /// Rows changed up to this long before the last run's start are looked at again (a change committed while the last
    /// run was reading).
    public TimeSpan ChangeMargin { get; set; } = TimeSpan.FromMinutes(10);
}

/// What one run rolled up.
public sealed record RollupRun(int HospitalId, int Days, int Missing, int ReRolled, int Changed);

/// 日汇总任务 (5.1.7): fills StatisticsDays and StatisticsBatchDays for closed days (before today, hospital time), one day
/// per transaction (delete the day's rows and insert them again, under a lock on the day: a rerun or two runs at the
/// same time leave the same rows). Which days a run rolls up:
/// - every closed day from the first task or call on that has no rollup yet (the first run, and after downtime);
/// - the last ReRollDays closed days, always;
/// - older days with a task changed (UpdatedAt) or an abnormal to-do made (CreatedAt) since the last run, and the days of
///   the tasks and abnormal steps of an encounter corrected since then (Encounter.UpdatedAt: the reports group by its doctor).
/// Today and the days ahead are never rolled up: the reports count them live.
public static class StatisticsRollup
{
    public static async Task<IReadOnlyList<RollupRun>> RunAsync(SuifangDbContext db, DateOnly today, DateTime now, StatisticsRollupOptions options,
        CancellationToken ct)
    {
        var runs = new List<RollupRun>();
        foreach (var hospitalId in await db.Hospitals.AsNoTracking().Select(h => h.Id).OrderBy(h => h).ToListAsync(ct))
            runs.Add(await RunHospitalAsync(db, hospitalId, today, now, options, ct));
        return runs;
    }

    private static async Task<RollupRun> RunHospitalAsync(SuifangDbContext db, int hospitalId, DateOnly today, DateTime now,
        StatisticsRollupOptions options, CancellationToken ct)
    {
        var todayStart = RollupCover.Start(today);
        var rolled = (await db.StatisticsRolledDays.AsNoTracking().Where(d => d.HospitalId == hospitalId)
            .Select(d => new { d.Day, d.RolledAt }).ToListAsync(ct)).ToDictionary(d => d.Day, d => d.RolledAt);

        var missing = new SortedSet<DateOnly>();
        if (await FirstDayAsync(db, hospitalId, todayStart, ct) is { } first)
            for (var d = first; d < today; d = d.AddDays(1))
                if (!rolled.ContainsKey(d))
                    missing.Add(d);
        var recent = Enumerable.Range(1, Math.Max(0, options.ReRollDays)).Select(i => today.AddDays(-i)).Where(d => rolled.ContainsKey(d)).ToList();
        var changed = new SortedSet<DateOnly>();
        if (rolled.Count > 0)
        {
            var since = rolled.Values.Max() - options.ChangeMargin;
            var before = RollupCover.Start(today.AddDays(-Math.Max(0, options.ReRollDays)));
            foreach (var due in await db.Tasks.AsNoTracking()
                         .Where(t => t.HospitalId == hospitalId && t.UpdatedAt >= since && t.DueFrom < before)
                         .Select(t => t.DueFrom).Distinct().ToListAsync(ct))
                changed.Add(DateOnly.FromDateTime(due));
            var kinds = FollowUpStatistics.AbnormalKinds;
            foreach (var due in await (from t in db.Todos.AsNoTracking()
                                       join s in db.PlanSteps on t.PlanStepId equals s.Id
                                       where t.HospitalId == hospitalId && kinds.Contains(t.Kind) && t.CreatedAt >= since && s.DueFrom < before
                                       select s.DueFrom).Distinct().ToListAsync(ct))
                changed.Add(DateOnly.FromDateTime(due));
            // A corrected encounter (its attending doctor, by whom the reports group) changes the days of its plans' tasks
            // and of the steps its abnormal to-dos belong to.
            var corrected = db.Encounters.AsNoTracking().Where(e => e.HospitalId == hospitalId && e.UpdatedAt >= since).Select(e => e.Id);
            foreach (var due in await (from t in db.Tasks.AsNoTracking()
                                       join p in db.Plans on t.PlanId equals p.Id
                                       where corrected.Contains(p.EncounterId!.Value) && t.DueFrom < before
                                       select t.DueFrom).Distinct().ToListAsync(ct))
                changed.Add(DateOnly.FromDateTime(due));
            foreach (var due in await (from t in db.Todos.AsNoTracking()
                                       join s in db.PlanSteps on t.PlanStepId equals s.Id
                                       join p in db.Plans on s.PlanId equals p.Id
                                       where kinds.Contains(t.Kind) && corrected.Contains(p.EncounterId!.Value) && s.DueFrom < before
                                       select s.DueFrom).Distinct().ToListAsync(ct))
                changed.Add(DateOnly.FromDateTime(due));
            changed.RemoveWhere(d => !rolled.ContainsKey(d));
        }
        var days = missing.Concat(recent).Concat(changed).Distinct().Order().ToList();
        foreach (var day in days)
            await RollDayAsync(db, hospitalId, day, now, ct);
        return new RollupRun(hospitalId, days.Count, missing.Count, recent.Count, changed.Count);
    }

    /// The first day with a task, an outbound call or an abnormal to-do's step (each read from the start of an index).
    private static async Task<DateOnly?> FirstDayAsync(SuifangDbContext db, int hospitalId, DateTime before, CancellationToken ct)
    {
        var task = await db.Tasks.Where(t => t.HospitalId == hospitalId && t.DueFrom < before).MinAsync(t => (DateTime?)t.DueFrom, ct);
        var call = await db.Calls.Where(c => c.HospitalId == hospitalId && c.StartedAt < before).MinAsync(c => (DateTime?)c.StartedAt, ct);
        var kinds = FollowUpStatistics.AbnormalKinds;
        var step = await (from t in db.Todos
                          join s in db.PlanSteps on t.PlanStepId equals s.Id
                          where t.HospitalId == hospitalId && kinds.Contains(t.Kind)
                          select (DateTime?)s.DueFrom).MinAsync(ct);
        var first = new[] { task, call, step }.Where(t => t is not null).Min();
        return first is { } f ? DateOnly.FromDateTime(f) : null;
    }

    /// Counts one day with the live queries of the reports and replaces the day's rows, in one transaction that holds
    /// the day's lock (PostgreSQL: an advisory lock on hospital and day; SQLite: the database's write lock, taken at BEGIN).
    public static async Task RollDayAsync(SuifangDbContext db, int hospitalId, DateOnly day, DateTime now, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (db.Database.IsNpgsql())
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0}, {1})", [hospitalId, day.DayNumber], ct);
            var (counts, batches) = await CountDayAsync(db, hospitalId, day, ct);
            await db.StatisticsDays.Where(d => d.HospitalId == hospitalId && d.Day == day).ExecuteDeleteAsync(ct);
            await db.StatisticsBatchDays.Where(d => d.HospitalId == hospitalId && d.Day == day).ExecuteDeleteAsync(ct);
            db.StatisticsDays.AddRange(counts);
            db.StatisticsBatchDays.AddRange(batches);
            var marker = await db.StatisticsRolledDays.FirstOrDefaultAsync(d => d.HospitalId == hospitalId && d.Day == day, ct);
            if (marker is null)
                db.StatisticsRolledDays.Add(new StatisticsRolledDay { HospitalId = hospitalId, Day = day, RolledAt = now });
            else
                marker.RolledAt = now;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
        });
    }

    private static async Task<(List<StatisticsDay>, List<StatisticsBatchDay>)> CountDayAsync(SuifangDbContext db, int hospitalId, DateOnly day,
        CancellationToken ct)
    {
        var everything = new StaffScope("system", "日汇总", hospitalId, true, new HashSet<int>(), new HashSet<string>());
        var filter = new StatisticsFilter { Period = new StatisticsPeriod(PeriodKind.Day, day, day), Grouping = StatisticsGrouping.Staff };
        var (from, until) = (RollupCover.Start(day), RollupCover.Start(day.AddDays(1)));
        var rows = new Dictionary<(int, string, Pathways.ChannelKind), StatisticsDay>();
        StatisticsDay Row(int department, string? staff, Pathways.ChannelKind channel)
        {
            var key = (department, Stored(staff), channel);
            if (!rows.TryGetValue(key, out var row))
                rows[key] = row = new StatisticsDay { HospitalId = hospitalId, Day = day, DepartmentId = department, Staff = key.Item2, Channel = channel };
            return row;
        }
        foreach (var c in await FollowUpStatistics.CountTasksAsync(db, everything, filter, from, until, ct))
        {
            var row = Row(c.DepartmentId, c.Staff, c.Channel);
            (row.Due, row.FollowedUp, row.Completed) = (row.Due + c.Due, row.FollowedUp + c.FollowedUp, row.Completed + c.Completed);
        }
        foreach (var ((department, staff, channel), n) in await FollowUpStatistics.CountAbnormalAsync(db, everything, filter, from, until, ct))
            Row(department, staff, channel).Abnormal += n;
        var batches = (await OutboundBatches.LiveDayAsync(db, everything, day, null, ct))
            .Select(b => new StatisticsBatchDay
            {
                HospitalId = hospitalId, Day = day, DepartmentId = b.DepartmentId, Period = b.Period, ScriptKey = b.ScriptKey, ScriptVersion = b.ScriptVersion,
                FirstCallAt = b.FirstCallAt, LastCallAt = b.LastCallAt, Calls = b.Calls, Patients = b.Patients, Answered = b.Answered, Completed = b.Completed,
            })
            .ToList();
        return (rows.Values.ToList(), batches);
    }

    /// The doctor as stored: the live count's name, with "" for "no attending doctor".
    private static string Stored(string? staff) => staff is null || staff == FollowUpStatistics.NoStaff ? "" : staff;
}
