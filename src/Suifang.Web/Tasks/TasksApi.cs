using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Suifang.Core.Accounts;
using Suifang.Core.Common;
using Suifang.Core.Data;
using Suifang.Core.Tasks;
using Suifang.Core.Tasks.Control;
using Suifang.Core.Tasks.Engine;
using Suifang.Core.Tasks.Monitoring;
using Suifang.Web.Accounts;

namespace Suifang.Web.Tasks;

/// /api/tasks: the task list, progress of the queues, manual actions, and (admins) the queues' lines and policies.
internal static class TasksApi
{
    public static readonly string Viewers = string.Join(',', Roles.Admin, Roles.Supervisor, Roles.Nurse);
    public static readonly string Actors = string.Join(',', Roles.Admin, Roles.Nurse);

    public static void Map(RouteGroupBuilder tasks)
    {
        var view = new AuthorizeAttribute { Roles = Viewers };
        tasks.MapGet("/", ListAsync).RequireAuthorization(view)
            .WithSummary("任务列表，可按队列、状态、科室、患者筛选（只含本人负责科室的任务）");
        tasks.MapGet("/monitor", MonitorAsync).RequireAuthorization(view)
            .WithSummary("各队列进度：待执行数、占用线路/总线路、每分钟完成数、失败数、停滞与失败激增告警");
        tasks.MapPost("/{id:long}/{action}", ActAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Actors })
            .WithSummary("人工干预一个任务：action 为 pause（暂停）、resume（恢复）、cancel（取消）、retry（重试）");
        tasks.MapPost("/queues/{queue}/{action}", ActOnQueueAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Actors })
            .WithSummary("对一个队列中本人负责科室的全部任务执行 pause / resume / cancel / retry");
        tasks.MapPut("/queues/{queue}", SaveQueueAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Roles.Admin })
            .WithSummary("设置队列：线路数（并发路数）、调度策略、应急模式、暂停整个队列、科室份额；立即生效，无需重启");
    }

    private static async Task<Ok<TaskPage>> ListAsync(SuifangDbContext db, HttpContext http, TaskChannelSet channels,
        string? queue, TaskState? state, int? departmentId, long? patientId, int? page, CancellationToken ct)
    {
        var staff = StaffScopes.From(http.User, null);
        var (rows, total) = await TaskList.ReadAsync(db, staff, new TaskListFilter(queue, state, departmentId, patientId, page ?? 1), channels.IsSimulated, ct);
        return TypedResults.Ok(new TaskPage(rows, total));
    }

    private static async Task<Ok<List<QueueProgressView>>> MonitorAsync(SuifangDbContext db, HttpContext http, HospitalClock clock, CancellationToken ct)
    {
        var progress = await TaskMonitor.ReadAsync(db, StaffScopes.From(http.User, null), clock.Now, ct);
        return TypedResults.Ok(progress.Select(QueueProgressView.From).ToList());
    }

    private static async Task<Results<Ok<TaskActionResult>, ProblemHttpResult>> ActAsync(long id, string action, SuifangDbContext db,
        HttpContext http, HospitalClock clock, CancellationToken ct)
    {
        if (Parse(action) is not { } a)
            return UnknownAction(action);
        var result = await TaskControl.OnTaskAsync(db, StaffScopes.From(http.User, null), id, a, clock.Now, ct);
        return result.Ok ? TypedResults.Ok(result)
            : TypedResults.Problem(title: "无法执行该操作", detail: result.Error, statusCode: StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<TaskActionResult>, ProblemHttpResult>> ActOnQueueAsync(string queue, string action, SuifangDbContext db,
        HttpContext http, HospitalClock clock, CancellationToken ct)
    {
        if (Parse(action) is not { } a)
            return UnknownAction(action);
        if (!TaskQueueSetting.AllQueues.Contains(queue))
            return UnknownQueue(queue);
        return TypedResults.Ok(await TaskControl.OnQueueAsync(db, StaffScopes.From(http.User, null), queue, a, clock.Now, ct));
    }

    private static async Task<Results<Ok<QueueSettingsInput>, ProblemHttpResult>> SaveQueueAsync(string queue, QueueSettingsInput input,
        SuifangDbContext db, HttpContext http, HospitalClock clock, CancellationToken ct)
    {
        if (!TaskQueueSetting.AllQueues.Contains(queue))
            return UnknownQueue(queue);
        if (input.Validate() is { } error)
            return TypedResults.Problem(title: "队列设置有误", detail: error, statusCode: StatusCodes.Status400BadRequest);
        var setting = await QueueSettings.ForChangeAsync(db, queue, ct);
        input.ApplyTo(setting, StaffScopes.From(http.User, null).UserName, clock.Now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(input);
    }

    internal static TaskAction? Parse(string action) => action.ToLowerInvariant() switch
    {
        "pause" => TaskAction.Pause,
        "resume" => TaskAction.Resume,
        "cancel" => TaskAction.Cancel,
        "retry" => TaskAction.Retry,
        _ => null,
    };

    private static ProblemHttpResult UnknownAction(string action) => TypedResults.Problem(title: "没有这个操作",
        detail: $"“{action}”不是可用的操作。请使用 pause（暂停）、resume（恢复）、cancel（取消）或 retry（重试）。", statusCode: StatusCodes.Status400BadRequest);

    private static ProblemHttpResult UnknownQueue(string queue) => TypedResults.Problem(title: "没有这个队列",
        detail: $"“{queue}”不是任务队列。可用的队列：{string.Join("、", TaskQueueSetting.AllQueues)}。", statusCode: StatusCodes.Status404NotFound);
}

internal sealed record TaskPage(List<TaskRow> Rows, int Total);

internal sealed record QueueProgressView(string Queue, string Name, string Policy, int PoolSize, int BusyLines, bool Paused, bool EmergencyMode,
    int Due, int Pending, int Waiting, int FinishedLastMinute, int FinishedLast10Minutes, int FailedAttemptsLast10Minutes, int FailurePercent,
    DateTime? LastFinishedAt, bool Stalled, bool FailureSpike)
{
    public static QueueProgressView From(QueueProgress p) => new(p.Setting.Queue, TaskMonitor.QueueName(p.Setting.Queue), p.Setting.Policy.ToString(),
        p.Setting.PoolSize, p.BusyLines, p.Setting.Paused, p.Setting.EmergencyMode, p.Due, p.Pending, p.Waiting, p.FinishedLastMinute,
        p.FinishedLast10Minutes, p.FailedAttemptsLast10Minutes, p.FailurePercent, p.LastFinishedAt, p.Stalled, p.FailureSpike);
}

/// A queue's settings as an admin sets them.
internal sealed record QueueSettingsInput(int PoolSize, SchedulingPolicy Policy, bool EmergencyMode, bool Paused,
    List<DepartmentShare>? Shares = null, int StallMinutes = 10)
{
    public string? Validate() =>
        PoolSize is < 0 or > 10_000 ? "线路数须在 0 到 10000 之间（0 表示暂不外呼）。"
        : StallMinutes is < 1 or > 1440 ? "停滞告警时间须在 1 到 1440 分钟之间。"
        : Shares?.Any(s => s.Percent is < 1 or > 100) == true ? "科室份额须在 1% 到 100% 之间。"
        : null;

    public void ApplyTo(TaskQueueSetting s, string by, DateTime now)
    {
        s.PoolSize = PoolSize;
        s.Policy = Policy;
        s.EmergencyMode = EmergencyMode;
        s.Paused = Paused;
        s.StallMinutes = StallMinutes;
        if (Shares is not null)
            s.Shares = Shares;
        s.UpdatedAt = now;
        s.UpdatedBy = by;
    }
}
