namespace Suifang.Core.Tasks;

/// 调度策略 (7.2.2.1 a): the order in which a queue's due tasks are leased.
public enum SchedulingPolicy
{
    /// 先来先服务: the task whose time came first.
    FirstComeFirstServed = 0,
    /// 短作业优先: the shortest expected work first (ExpectedSeconds, the script's length).
    ShortestJobFirst = 1,
    /// 科室轮转: one task of each department in turn.
    RoundRobinDepartments = 2,
    /// 优先级: highest Priority first.
    Priority = 3,
    /// 最早截止优先: the task whose window closes first (DueTo).
    EarliestDeadlineFirst = 4,
}

/// A queue's settings, stored so that every node reads the same and a change needs no restart (7.2.2.2 d).
public sealed class TaskQueueSetting
{
    public required string Queue { get; set; }
    public SchedulingPolicy Policy { get; set; }

    /// 并发路数: how many tasks of this queue may run at once, on all nodes together.
    public int PoolSize { get; set; } = 10;

    /// A paused queue leases nothing; tasks already running finish.
    public bool Paused { get; set; }

    /// 应急模式: Critical-priority tasks go first, ahead of the policy and of department shares.
    public bool EmergencyMode { get; set; }

    /// 科室份额: the most lines a department may hold while others wait. Departments without a share have no cap.
    public List<DepartmentShare> Shares { get; set; } = [];

    /// Alarm when due tasks wait but nothing finished for this many minutes (7.2.2.2 c).
    public int StallMinutes { get; set; } = 10;

    /// Alarm when at least this share of the last 10 minutes' attempts failed (and at least 10 attempts were made).
    public int FailureAlarmPercent { get; set; } = 50;

    public DateTime UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    public int? CapFor(int departmentId)
    {
        var share = Shares.FirstOrDefault(s => s.DepartmentId == departmentId);
        return share is null ? null : Math.Max(1, (int)Math.Ceiling(PoolSize * share.Percent / 100.0));
    }

    public static TaskQueueSetting Default(string queue) => new() { Queue = queue };

    public static readonly string[] AllQueues = [TaskQueues.AiCall, TaskQueues.Sms, TaskQueues.Questionnaire, TaskQueues.Manual];
}

/// A department's share of a queue's lines, in percent of the pool.
public sealed class DepartmentShare
{
    public int DepartmentId { get; set; }
    public int Percent { get; set; }
}
