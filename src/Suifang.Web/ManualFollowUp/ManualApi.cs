using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Common;
using Suifang.Core.Data;
using Suifang.Core.ManualFollowUp;
using Suifang.Core.ManualFollowUp.Editing;
using Suifang.Core.Patients;
using Suifang.Core.Patients.Archive;
using Suifang.Core.Security;
using Suifang.Web.Accounts;

namespace Suifang.Web.ManualFollowUp;

/// /api/manual: the nurses' work queue, claims, the recording form and records, and the form templates — every one
/// scoped to the caller's departments; opening a form, showing a number and saving a record are audited.
internal static class ManualApi
{
    public static readonly string Viewers = string.Join(',', Roles.Admin, Roles.Supervisor, Roles.Nurse, Roles.Doctor);
    public static readonly string Callers = string.Join(',', Roles.Admin, Roles.Nurse, Roles.Doctor);

    public static void Map(RouteGroupBuilder manual)
    {
        var view = new AuthorizeAttribute { Roles = Viewers };
        var call = new AuthorizeAttribute { Roles = Callers };
        manual.MapGet("/queue", QueueAsync).RequireAuthorization(view)
            .WithSummary("人工随访工作队列：本人负责科室等待拨打的任务，紧急和先到期的在前；可按科室、路径、超期、我认领的筛选");
        manual.MapPost("/queue/{entryId:long}/claim", ClaimAsync).RequireAuthorization(call)
            .WithSummary("认领一条任务（开始拨打）：同一患者同一时间只能由一位护士认领，30 分钟后自动失效");
        manual.MapPost("/queue/{entryId:long}/release", ReleaseAsync).RequireAuthorization(call).WithSummary("释放本人认领的任务");
        manual.MapGet("/queue/{entryId:long}/form", FormAsync).RequireAuthorization(call)
            .WithSummary("记录表：患者摘要（诊断、出院日期、最近的随访回答、未处理待办）和要问的问题；打开即记入审计日志");
        manual.MapPost("/queue/{entryId:long}/reveal", RevealAsync).RequireAuthorization(call)
            .WithSummary("显示患者完整电话以便拨打（记入审计日志）");
        manual.MapPost("/queue/{entryId:long}/record", RecordAsync).RequireAuthorization(call)
            .WithSummary("保存人工随访记录：接通结果（5.3.5）或未接通原因（5.3.6）、回答、备注；回答写入随访结果并触发异常待办；重复保存只保留第一次");
        manual.MapGet("/records", RecordsAsync).RequireAuthorization(view)
            .WithSummary("人工随访记录：按患者（patientId）或某时间以来（since）");
        ManualTemplateApi.Map(manual.MapGroup("/templates"));
    }

    private static StaffScope Scope(HttpContext http) => StaffScopes.From(http.User, http.Connection.RemoteIpAddress?.ToString());

    private static async Task<Ok<List<ManualQueueRow>>> QueueAsync(SuifangDbContext db, HttpContext http, HospitalClock clock,
        int? departmentId, int? pathwayId, bool? overdue, bool? mine, CancellationToken ct) =>
        TypedResults.Ok(await ManualQueueList.ReadAsync(db, Scope(http), new ManualQueueFilter(departmentId, pathwayId, overdue ?? false, mine ?? false), clock.Now, ct));

    private static async Task<Results<Ok, ProblemHttpResult>> ClaimAsync(long entryId, SuifangDbContext db, HttpContext http, HospitalClock clock, CancellationToken ct) =>
        Answer(await ManualClaims.ClaimAsync(db, Scope(http), entryId, clock.Now, ct));

    private static async Task<Results<Ok, ProblemHttpResult>> ReleaseAsync(long entryId, SuifangDbContext db, HttpContext http, CancellationToken ct) =>
        Answer(await ManualClaims.ReleaseAsync(db, Scope(http), entryId, ct));

    private static async Task<Results<Ok<ManualFormView>, ProblemHttpResult>> FormAsync(long entryId, int? templateId, SuifangDbContext db,
        HttpContext http, HospitalClock clock, CancellationToken ct)
    {
        var form = await ManualForms.OpenAsync(db, Scope(http), entryId, templateId, clock.Now, ct);
        return form.Access == Access.Granted ? TypedResults.Ok(form.Value!) : Problem(form.Access);
    }

    private static async Task<Results<Ok<RevealedNumbers>, ProblemHttpResult>> RevealAsync(long entryId, SuifangDbContext db,
        SensitiveDataProtector protector, HttpContext http, CancellationToken ct)
    {
        var scope = Scope(http);
        if (await ManualClaims.CheckAsync(db, scope, entryId, ct) is { } refused)
            return Problem(refused.Access);
        var patientId = await db.ManualQueue.Where(e => e.Id == entryId).Select(e => e.PatientId).FirstAsync(ct);
        var numbers = await RevealNumbers.RunAsync(db, protector, scope, patientId, ct);
        return numbers.Access == Access.Granted ? TypedResults.Ok(numbers.Value!)
            : TypedResults.Problem(title: "不能显示号码", detail: "您的角色不能查看完整电话，请联系护士长或系统管理员。", statusCode: StatusCodes.Status403Forbidden);
    }

    private static async Task<Results<Ok<ManualSaveResult>, ProblemHttpResult>> RecordAsync(long entryId, ManualRecordInput input,
        SuifangDbContext db, HttpContext http, HospitalClock clock, CancellationToken ct)
    {
        var saved = await RecordManualFollowUp.RunAsync(db, Scope(http), entryId, input, clock.Now, ct);
        if (saved.Access != Access.Granted)
            return Problem(saved.Access);
        return saved.Ok ? TypedResults.Ok(saved)
            : TypedResults.Problem(title: "记录没有保存", detail: saved.Error, statusCode: StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<List<ManualRecordRow>>> RecordsAsync(SuifangDbContext db, HttpContext http, HospitalClock clock,
        long? patientId, DateTime? since, CancellationToken ct) =>
        TypedResults.Ok(patientId is { } p ? await ManualRecordList.ForPatientAsync(db, Scope(http), p, ct)
            : await ManualRecordList.SinceAsync(db, Scope(http), since ?? clock.Now.Date, null, ct));

    internal static Results<Ok, ProblemHttpResult> Answer(ManualCommandResult result) =>
        result.Ok ? TypedResults.Ok()
        : result.Access != Access.Granted ? Problem(result.Access)
        : TypedResults.Problem(title: "操作没有完成", detail: result.Error, statusCode: StatusCodes.Status409Conflict);

    internal static ProblemHttpResult Problem(Access access) => access == Access.Forbidden
        ? TypedResults.Problem(title: "无权操作", detail: "这条人工随访任务或模板不属于您负责的科室。如需处理，请联系该科室或系统管理员。", statusCode: StatusCodes.Status403Forbidden)
        : TypedResults.Problem(title: "找不到", detail: "找不到这条人工随访任务或模板，它可能已被处理或删除，请刷新页面。", statusCode: StatusCodes.Status404NotFound);
}
