using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Audit;
using Suifang.Core.Calls;
using Suifang.Core.Common;
using Suifang.Core.Data;
using Suifang.Core.Patients;
using Suifang.Core.Security;
using Suifang.Core.Todos;
using Suifang.Web.Accounts;

namespace Suifang.Web.Todos;

/// /api/todos: the list with filters, the dashboard figures, one to-do with its evidence, 知道了 / close / reopen /
/// call again, and the audio clip of the moment that raised it. Scoped to the user's departments; audited.
internal static class TodosApi
{
    public static readonly string Viewers = string.Join(',', Core.Accounts.Roles.Admin, Core.Accounts.Roles.Supervisor,
        Core.Accounts.Roles.Nurse, Core.Accounts.Roles.Doctor);

    /// Version: the to-do's Version as the caller last read it; when given, a change made since is not overwritten (409).
    public sealed record CloseRequest(TodoAction? Action, string? Note, int? Version = null);
    public sealed record ReopenRequest(string? Reason, int? Version = null);
    public sealed record CallAgainResponse(long TaskId);

    public static void Map(RouteGroupBuilder todos)
    {
        var view = new Microsoft.AspNetCore.Authorization.AuthorizeAttribute { Roles = Viewers };
        todos.MapGet("/", ListAsync).RequireAuthorization(view).WithSummary("待办列表（未处理/已处理，按紧急程度和等待时间排序；号码已脱敏）");
        todos.MapGet("/counts", CountsAsync).RequireAuthorization(view).WithSummary("首页待办数：按紧急程度和类型，以及分配给我的");
        todos.MapGet("/{id:long}", DetailAsync).RequireAuthorization(view).WithSummary("一条待办及其证据（打开即视为“已知晓”，记入审计）");
        todos.MapPost("/{id:long}/acknowledge", AcknowledgeAsync).RequireAuthorization(view).WithSummary("知道了");
        todos.MapPost("/{id:long}/close", CloseAsync).RequireAuthorization(view).WithSummary("记录处理方式并关闭（危急待办必须有处理方式和说明）");
        todos.MapPost("/{id:long}/reopen", ReopenAsync).RequireAuthorization(view).WithSummary("重新打开（需填写原因）");
        todos.MapPost("/{id:long}/call-again", CallAgainAsync).RequireAuthorization(view).WithSummary("再次电话：加入人工随访队列");
        todos.MapGet("/{id:long}/clip", ClipAsync).RequireAuthorization(view).WithSummary("触发待办那一轮对话的录音片段（WAV）");
    }

    private static async Task<Results<Ok<TodoListPage>, ValidationProblem, ForbidHttpResult>> ListAsync(SuifangDbContext db,
        SensitiveDataProtector protector, HttpContext http, [AsParameters] TodoListQueryParameters q, CancellationToken ct)
    {
        var query = q.ToQuery();
        var errors = query.Validate();
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { e.Value }), title: "查询条件有误");
        var result = await TodoList.RunAsync(db, protector, Scope(http), query, ct);
        return result.Access == Access.Forbidden ? TypedResults.Forbid() : TypedResults.Ok(result.Value!);
    }

    private static async Task<Ok<TodoCounts>> CountsAsync(SuifangDbContext db, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await TodoCounts.RunAsync(db, Scope(http), ct));

    private static async Task<IResult> DetailAsync(SuifangDbContext db, HospitalClock clock, HttpContext http, long id, CancellationToken ct)
    {
        var result = await TodoDetail.OpenAsync(db, Scope(http), id, clock.Now, ct);
        return result.Access switch
        {
            Access.Forbidden => TypedResults.Forbid(),
            Access.NotFound => NotFound(),
            _ => TypedResults.Ok(result.Value),
        };
    }

    private static async Task<IResult> AcknowledgeAsync(SuifangDbContext db, HospitalClock clock, HttpContext http, long id, int? version, CancellationToken ct) =>
        Answer(await TodoCommands.AcknowledgeAsync(db, Scope(http), id, clock.Now, ct, version));

    private static async Task<IResult> CloseAsync(SuifangDbContext db, HospitalClock clock, HttpContext http, long id, CloseRequest body, CancellationToken ct) =>
        Answer(await TodoCommands.CloseAsync(db, Scope(http), id, body.Action, body.Note, clock.Now, ct, body.Version));

    private static async Task<IResult> ReopenAsync(SuifangDbContext db, HttpContext http, long id, ReopenRequest body, CancellationToken ct) =>
        Answer(await TodoCommands.ReopenAsync(db, Scope(http), id, body.Reason, ct, body.Version));

    private static async Task<IResult> CallAgainAsync(SuifangDbContext db, HospitalClock clock, HttpContext http, long id, CancellationToken ct)
    {
        var (result, taskId) = await TodoCallAgain.StartAsync(db, Scope(http), id, clock.Now, ct);
        return result.Ok ? TypedResults.Ok(new CallAgainResponse(taskId!.Value)) : Answer(result);
    }

    private static async Task<IResult> ClipAsync(SuifangDbContext db, HttpContext http, long id, CancellationToken ct)
    {
        var staff = Scope(http);
        var todo = await db.Todos.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id && t.HospitalId == staff.HospitalId, ct);
        if (todo is null)
            return NotFound();
        if (!staff.CanSeeDepartment(todo.DepartmentId))
            return TypedResults.Forbid();
        var path = todo.CallId is { } callId
            ? await db.Calls.AsNoTracking().Where(c => c.Id == callId).Select(c => c.RecordingPath).FirstOrDefaultAsync(ct)
            : null;
        var turn = todo.CallId is { } c2 && todo.TurnIndex is { } index
            ? await db.CallTurns.AsNoTracking().Where(t => t.CallId == c2 && t.Index == index).Select(t => new { t.StartMs, t.EndMs }).FirstOrDefaultAsync(ct)
            : null;
        if (path is null || !File.Exists(path) || turn is null)
            return TypedResults.NotFound(new ProblemDetails
            {
                Title = "这条待办没有录音片段",
                Detail = "待办不是由通话中的某一句话触发的，或这次通话没有录音（录音未开启或文件不在）。请阅读上方的文字证据；如需录音请联系信息科检查录音目录。",
            });
        var clip = WavClip.Cut(await File.ReadAllBytesAsync(path, ct), turn.StartMs, turn.EndMs);
        if (clip is null)
            return TypedResults.NotFound(new ProblemDetails { Title = "录音格式无法截取", Detail = "录音文件不是 PCM WAV，无法截取片段。请到通话详情页收听整段录音。" });
        db.Actor = staff.Actor;
        db.AuditEvent(AuditActions.View, nameof(TodoItem), id.ToString(CultureInfo.InvariantCulture),
            $"收听待办 {id} 的录音片段（通话 {todo.CallId}，第 {todo.TurnIndex} 轮，患者 ID {todo.PatientId}）");
        await db.SaveChangesAsync(ct);
        return TypedResults.File(clip, "audio/wav", $"todo-{id}.wav");
    }

    private static IResult Answer(TodoChangeResult result) => result switch
    {
        { Access: Access.Forbidden } => TypedResults.Forbid(),
        { Access: Access.NotFound } => NotFound(),
        { Error: TodoCommands.Conflict } => TypedResults.Problem(title: "待办已被别人处理", detail: TodoCommands.Conflict, statusCode: StatusCodes.Status409Conflict),
        { Error: { } error } => TypedResults.Problem(title: "无法完成操作", detail: error, statusCode: StatusCodes.Status400BadRequest),
        _ => TypedResults.NoContent(),
    };

    private static NotFound<ProblemDetails> NotFound() =>
        TypedResults.NotFound(new ProblemDetails { Title = "找不到这条待办", Detail = "待办不存在或不属于本院，请回到待办列表刷新后再试。" });

    private static Core.Accounts.StaffScope Scope(HttpContext http) => StaffScopes.From(http.User, http.Connection.RemoteIpAddress?.ToString());
}

/// The list's query string: /api/todos?group=Closed&name=张&urgency=Critical&mine=true&page=2
internal sealed record TodoListQueryParameters(
    TodoStatus? Group, string? Name, string? Phone, VisitType? Visit, string? Diagnosis, string? Doctor, int? Department,
    TodoKind? Kind, TodoUrgency? Urgency, string? Source, bool? Mine, int? Page, int? PageSize)
{
    public TodoListQuery ToQuery() => new()
    {
        Group = Group ?? TodoStatus.Open, Name = Name, Phone = Phone, VisitType = Visit, Diagnosis = Diagnosis, Doctor = Doctor,
        DepartmentId = Department, Kind = Kind, Urgency = Urgency, Source = Source, AssignedToMe = Mine ?? false,
        Page = Page ?? 1, PageSize = PageSize ?? 20,
    };
}
