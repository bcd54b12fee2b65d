using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Suifang.Core.Accounts;
using Suifang.Core.Common;
using Suifang.Core.Data;
using Suifang.Core.Patients;
using Suifang.Core.Plans;
using Suifang.Core.Plans.BuildPlan;
using Suifang.Core.Plans.CancelPlan;
using Suifang.Core.Plans.CreatePlans;
using Suifang.Core.Plans.ListPlans;
using Suifang.Core.Plans.Rules;
using Suifang.Web.Accounts;
using Suifang.Web.Patients;

namespace Suifang.Web.Plans;

/// What a client sends to preview or create plans (5.1.3): encounters from the patient lists, pathway versions,
/// and the per-plan options. RemovedSteps and ShiftDays refer to the steps of the preview by their order (1, 2, …).
internal sealed record CreatePlansBody(long[]? EncounterIds, int[]? PathwayIds, DateTime? StartAt, int? Redials, int? RedialIntervalMinutes,
    bool? SmsEnabled, string? SmsTemplate, int[]? RemovedSteps, Dictionary<int, int>? ShiftDays)
{
    public CreatePlansCommand ToCommand() => new(EncounterIds ?? [], PathwayIds ?? [], new PlanOptions
    {
        StartAt = StartAt,
        Redials = Redials,
        RedialIntervalMinutes = RedialIntervalMinutes,
        SmsEnabled = SmsEnabled ?? true,
        SmsTemplate = string.IsNullOrWhiteSpace(SmsTemplate) ? null : SmsTemplate.Trim(),
        RemovedSteps = (RemovedSteps ?? []).ToHashSet(),
        ShiftDays = ShiftDays ?? [],
    });
}

internal sealed record PlanOutcomeView(long EncounterId, long PatientId, string PatientName, long? PlanId, string? Url, bool Refused,
    IReadOnlyList<string> Messages, IReadOnlyList<string> Steps);

internal sealed record CancelPlanBody(string? Reason, bool Stop);

internal static class PlansApi
{
    public static void Map(RouteGroupBuilder plans)
    {
        plans.AddEndpointFilter(async (context, next) => PatientWriteEndpoints.WriterRoles.Any(context.HttpContext.User.IsInRole)
            ? await next(context)
            : TypedResults.Problem("随访计划需要医生、护士、监管或管理员角色。", statusCode: StatusCodes.Status403Forbidden, title: "没有权限"));

        plans.MapGet("/", async (string? status, string? pathway, string? patient, int? departmentId, string? from, string? to, int? page, int? pageSize,
                HttpContext http, SuifangDbContext db, CancellationToken ct) =>
            {
                var errors = new Dictionary<string, string[]>();
                PlanStatus? s = null;
                if (!string.IsNullOrWhiteSpace(status))
                    s = Enum.TryParse<PlanStatus>(status, true, out var parsed) ? parsed : Error(errors, "status", "状态应为 Scheduled、Active、Completed、Stopped 或 Cancelled。");
                var f = Day(from, "from", errors);
                var t = Day(to, "to", errors);
                if (pageSize is < 1 or > 100)
                    errors["pageSize"] = ["每页条数应为 1 到 100。"];
                if (errors.Count > 0)
                    return (IResult)TypedResults.ValidationProblem(errors, title: "查询条件有误");
                var scope = Scope(http);
                if (departmentId is { } d && !scope.CanSeeDepartment(d))
                    return OutOfScope();
                return TypedResults.Ok(await PlanList.RunAsync(db, scope, new PlanListQuery
                {
                    Status = s, PathwayKey = pathway, PatientName = patient, DepartmentId = departmentId, From = f, To = t,
                    Page = page ?? 1, PageSize = pageSize ?? 20,
                }, ct));
            })
            .WithSummary("随访计划列表").WithDescription("只列出您所属科室的计划。筛选：status 状态；pathway 路径标识；patient 患者姓名开头；from/to 创建日期 yyyy-MM-dd。");

        plans.MapGet("/{id:long}", async (long id, HttpContext http, SuifangDbContext db, CancellationToken ct) =>
                Scoped(await OpenPlan.RunAsync(db, Scope(http), id, ct), v => TypedResults.Ok(v)))
            .WithSummary("随访计划详情").WithDescription("目标与子目标（步骤）、依赖顺序、每步的问题、异常条件、联系方式和任务状态、合并说明，以及规划有效率 E_p 和准确率 P_p。");

        plans.MapPost("/preview", (CreatePlansBody body, HttpContext http, SuifangDbContext db, HospitalClock clock, CancellationToken ct) =>
                RunAsync(body, http, db, clock, save: false, ct))
            .WithSummary("预览随访计划（不保存）").WithDescription("按所选就诊和路径生成计划并做检查，返回每位患者的步骤和提示；确认后再调用 POST /api/plans。");

        plans.MapPost("/", (CreatePlansBody body, HttpContext http, SuifangDbContext db, HospitalClock clock, CancellationToken ct) =>
                RunAsync(body, http, db, clock, save: true, ct))
            .WithSummary("创建随访计划").WithDescription("为所选就诊（来自在院、出院、门诊患者列表）按路径创建计划；可立即发送（startAt 留空）或定时发送，可设重拨次数和间隔、是否发短信与短信模板、去掉或挪动步骤。");

        plans.MapPost("/{id:long}/cancel", async (long id, CancelPlanBody body, HttpContext http, SuifangDbContext db, HospitalClock clock, CancellationToken ct) =>
            {
                var scope = Scope(http);
                db.Actor = scope.Actor;
                return Scoped(await CancelPlan.RunAsync(db, scope, new CancelPlanCommand(id, body.Reason, body.Stop), clock.Now, ct),
                    r => r.Ok ? TypedResults.Ok(new { cancelledTasks = r.CancelledTasks })
                        : TypedResults.Problem(r.Error, statusCode: StatusCodes.Status400BadRequest, title: "不能取消该计划"));
            })
            .WithSummary("取消或停止随访计划").WithDescription("必须填写原因；未完成的任务立即取消。stop=true 表示“停止”（如患者去世、撤回同意），否则为“取消”。");

        PlanRulesApi.Map(plans.MapGroup("/rules"));
    }

    private static async Task<IResult> RunAsync(CreatePlansBody body, HttpContext http, SuifangDbContext db, HospitalClock clock, bool save, CancellationToken ct)
    {
        var scope = Scope(http);
        db.Actor = scope.Actor;
        var command = body.ToCommand();
        var result = save ? await CreatePlans.CreateAsync(db, scope, command, clock.Now, ct) : await CreatePlans.PreviewAsync(db, scope, command, clock.Now, ct);
        return Scoped(result, r => r.Errors.Count > 0
            ? TypedResults.ValidationProblem(r.Errors.ToDictionary(e => e.Key, e => new[] { e.Value }), title: "无法创建随访计划", detail: string.Join(" ", r.Errors.Values))
            : TypedResults.Ok(r.Outcomes.Select(View).ToList()));
    }

    internal static PlanOutcomeView View(PlanOutcome o) => new(o.EncounterId, o.PatientId, o.PatientName, o.PlanId,
        o.PlanId is { } id ? $"/plans/{id}" : null, o.Refused, o.Issues.Select(i => i.Message).ToList(),
        o.Plan?.Steps.Select(s => $"{s.Order}. {s.Label} {s.Title}（{s.DueFrom:yyyy-MM-dd}～{s.DueTo:yyyy-MM-dd}）").ToList() ?? []);

    private static IResult Scoped<T>(ScopedResult<T> result, Func<T, IResult> ok) where T : class => result.Access switch
    {
        Access.Granted => ok(result.Value!),
        Access.Forbidden => OutOfScope(),
        _ => TypedResults.Problem("找不到该随访计划或就诊记录，可能已被删除。请从列表重新打开。", statusCode: StatusCodes.Status404NotFound, title: "找不到"),
    };

    private static IResult OutOfScope() => TypedResults.Problem("该计划或患者不属于您所在的科室。如确需处理，请联系管理员为您的账号添加该科室。",
        statusCode: StatusCodes.Status403Forbidden, title: "无权操作该科室的计划");

    internal static StaffScope Scope(HttpContext http) => StaffScopes.From(http.User, http.Connection.RemoteIpAddress?.ToString());

    private static PlanStatus? Error(Dictionary<string, string[]> errors, string key, string message)
    {
        errors[key] = [message];
        return null;
    }

    private static DateOnly? Day(string? value, string key, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return d;
        errors[key] = [$"日期“{value}”无法识别，请写成 yyyy-MM-dd，例如 2026-12-01。"];
        return null;
    }
}

internal static class PlanRulesApi
{
    public static void Map(RouteGroupBuilder rules)
    {
        rules.MapGet("/", async (HttpContext http, SuifangDbContext db, CancellationToken ct) => TypedResults.Ok(await PlanRuleAdmin.ListAsync(db, PlansApi.Scope(http), ct)))
            .WithSummary("计划规则列表").WithDescription("诊断（ICD-10 编码或范围，主要诊断或其他诊断之一符合即可）+ 可选的科室、就诊类型 → 随访路径。");
        rules.MapPost("/", (PlanRuleInput body, HttpContext http, SuifangDbContext db, HospitalClock clock, CancellationToken ct) => SaveAsync(null, body, http, db, clock, ct))
            .WithSummary("新建计划规则");
        rules.MapPut("/{id:int}", (int id, PlanRuleInput body, HttpContext http, SuifangDbContext db, HospitalClock clock, CancellationToken ct) => SaveAsync(id, body, http, db, clock, ct))
            .WithSummary("修改、启用或停用计划规则").WithDescription("enabled=false 停用规则：停用后不再自动创建计划，已创建的计划不受影响。");
    }

    private static async Task<IResult> SaveAsync(int? id, PlanRuleInput body, HttpContext http, SuifangDbContext db, HospitalClock clock, CancellationToken ct)
    {
        var scope = PlansApi.Scope(http);
        db.Actor = scope.Actor;
        var (saved, errors) = await PlanRuleAdmin.SaveAsync(db, scope, id, body, clock.Now, ct);
        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { e.Value }), title: "规则未保存", detail: string.Join(" ", errors.Values))
            : TypedResults.Ok(new { id = saved });
    }
}
