using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Tasks.Engine;

namespace Suifang.Core.Tasks.Monitoring;

/// One queue's progress (7.2.2.2 c): depth, busy lines against the pool, throughput, failures and alarms.
public sealed record QueueProgress(
    TaskQueueSetting Setting,
    int Due,
    int Pending,
    int BusyLines,
    int Waiting,
    int FinishedLastMinute,
    int FinishedLast10Minutes,
    int FailedAttemptsLast10Minutes,
    int AttemptsLast10Minutes,
    DateTime? LastFinishedAt,
    bool Stalled,
    bool FailureSpike)
{
    public int FailurePercent => AttemptsLast10Minutes == 0 ? 0 : FailedAttemptsLast10Minutes * 100 / AttemptsLast10Minutes;
}

/// Reads the progress of every queue within a staff member's departments. Busy lines and the pool are the hospital's
/// (the lines are shared), the counts are the staff member's.
public static class TaskMonitor
{
    public static async Task<List<QueueProgress>> ReadAsync(SuifangDbContext db, StaffScope staff, DateTime now, CancellationToken ct)
    {
        var settings = await QueueSettings.LoadAsync(db, ct);
        var tasks = db.Tasks.AsNoTracking().Where(t => t.HospitalId == staff.HospitalId);
        if (!staff.AllDepartments)
            tasks = tasks.Where(t => staff.DepartmentIds.Contains(t.DepartmentId));
        var result = new List<QueueProgress>();
        var tenAgo = now.AddMinutes(-10);
        foreach (var s in settings)
        {
            var q = tasks.Where(t => t.Queue == s.Queue);
            var due = await q.CountAsync(t => t.State == TaskState.Due && !t.Paused && t.NextAttemptAt <= now, ct);
            var pending = await q.CountAsync(t => (t.State == TaskState.Pending || t.State == TaskState.Due) && t.NextAttemptAt > now, ct);
            var waiting = await q.CountAsync(t => t.State == TaskState.Running && t.LeaseOwner == null, ct);
            var busy = (await TaskLeaser.BusyLinesAsync(db, s.Queue, now, ct)).Values.Sum();
            var lastMinute = await q.CountAsync(t => t.FinishedAt > now.AddMinutes(-1), ct);
            var lastTen = await q.CountAsync(t => t.FinishedAt > tenAgo, ct);
            var lastFinished = await q.Where(t => t.FinishedAt != null).MaxAsync(t => t.FinishedAt, ct);
            var attempts = db.TaskAttempts.AsNoTracking().Where(a => a.EndedAt > tenAgo && q.Any(t => t.Id == a.TaskId));
            var attemptCount = await attempts.CountAsync(ct);
            var failed = await attempts.CountAsync(a => a.FailureReason != null, ct);
            // Stalled: due tasks have waited N minutes and nothing of the queue finished in those N minutes.
            var oldestDue = due == 0 ? null : await q.Where(t => t.State == TaskState.Due && !t.Paused && t.NextAttemptAt <= now).MinAsync(t => (DateTime?)t.NextAttemptAt, ct);
            var quietSince = lastFinished is { } f && f > oldestDue ? f : oldestDue;
            var stalled = !s.Paused && quietSince < now.AddMinutes(-s.StallMinutes);
            var spike = attemptCount >= 10 && failed * 100 >= s.FailureAlarmPercent * attemptCount;
            result.Add(new QueueProgress(s, due, pending, busy, waiting, lastMinute, lastTen, failed, attemptCount, lastFinished, stalled, spike));
        }
        return result;
    }

    public static string QueueName(string queue) => queue switch
    {
        TaskQueues.AiCall => "智能外呼",
        TaskQueues.Sms => "短信",
        TaskQueues.Questionnaire => "问卷链接",
        TaskQueues.Manual => "人工随访",
        _ => queue,
    };

    public static string PolicyName(SchedulingPolicy policy) => policy switch
    {
        SchedulingPolicy.ShortestJobFirst => "短作业优先（预计时长短的先做）",
        SchedulingPolicy.RoundRobinDepartments => "科室轮转（各科室依次）",
        SchedulingPolicy.Priority => "优先级（级别高的先做）",
        SchedulingPolicy.EarliestDeadlineFirst => "最早截止优先（时间窗先到期的先做）",
        _ => "先来先服务（先到期的先做）",
    };
}
