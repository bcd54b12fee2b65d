using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Audit;
using Suifang.Core.Common;
using Suifang.Core.Data;
using Suifang.Core.Statistics;
using Suifang.Web.Accounts;

namespace Suifang.Web.Statistics;

/// /api/statistics (5.1.7): the figures, their xlsx export (audited), the outbound batches and a batch's calls; all
/// scoped to the user's departments.
internal static class StatisticsApi
{
    public static readonly string Viewers = string.Join(',', Roles.Admin, Roles.Supervisor, Roles.Doctor, Roles.Nurse);

    public static void Map(RouteGroupBuilder statistics)
    {
        var view = new Microsoft.AspNetCore.Authorization.AuthorizeAttribute { Roles = Viewers };
        statistics.MapGet("/", ReportAsync).RequireAuthorization(view)
            .WithSummary("随访统计：按科室或医生、按随访方式的覆盖率、联系成功率、完成率、异常率")
            .WithDescription("period=Day|Week|Month|Quarter|Year（配合 day=yyyy-MM-dd）或 Custom（配合 from、to）；groupBy=Department|Staff；departmentId；channel=AiCall|Sms|Questionnaire|Manual。时间按医院当地时间。");
        statistics.MapGet("/export", ExportAsync).RequireAuthorization(view)
            .WithSummary("导出随访统计（xlsx，与页面相同的数字，表头写明统计周期和筛选条件；每次导出记入审计日志）");
        statistics.MapGet("/batches", BatchesAsync).RequireAuthorization(view)
            .WithSummary("外呼批次：按日期、科室、随访节点和话术版本汇总的 AI 外呼（拨打数、接通数、完成数）");
        statistics.MapGet("/batches/calls", BatchCallsAsync).RequireAuthorization(view)
            .WithSummary("一个外呼批次的通话（号码已脱敏；查看记入审计日志）");
    }

    private static async Task<IResult> ReportAsync([AsParameters] StatisticsQuery query, HttpContext http, SuifangDbContext db, HospitalClock clock, CancellationToken ct)
    {
        var (filter, errors) = query.Parse(clock.Today);
        if (filter is null)
            return TypedResults.ValidationProblem(errors, title: "统计条件有误");
        return TypedResults.Ok(await FollowUpStatistics.RunAsync(db, Scope(http), filter, ct));
    }

    private static async Task<IResult> ExportAsync([AsParameters] StatisticsQuery query, HttpContext http, SuifangDbContext db, HospitalClock clock, CancellationToken ct)
    {
        var (filter, errors) = query.Parse(clock.Today);
        if (filter is null)
            return TypedResults.ValidationProblem(errors, title: "统计条件有误");
        var scope = Scope(http);
        var report = await FollowUpStatistics.RunAsync(db, scope, filter, ct);
        var department = filter.DepartmentId is { } id
            ? await db.Departments.Where(d => d.Id == id && d.HospitalId == scope.HospitalId).Select(d => d.Name).FirstOrDefaultAsync(ct)
            : null;
        var described = StatisticsQuery.Describe(filter, department);
        var file = new MemoryStream();
        StatisticsWorkbook.Write(file, report, described, scope.UserName, clock.Now);
        db.Actor = scope.Actor;
        db.AuditEvent(AuditActions.Export, "Statistics", null, $"导出随访统计：{filter.Period.Label}；{described}");
        await db.SaveChangesAsync(ct);
        file.Position = 0;
        return TypedResults.File(file, StatisticsWorkbook.ContentType, StatisticsWorkbook.FileName(report));
    }

    private static async Task<IResult> BatchesAsync([AsParameters] StatisticsQuery query, HttpContext http, SuifangDbContext db, HospitalClock clock,
        int? page, CancellationToken ct)
    {
        var (filter, errors) = query.Parse(clock.Today);
        if (filter is null)
            return TypedResults.ValidationProblem(errors, title: "统计条件有误");
        return TypedResults.Ok(await OutboundBatches.ListAsync(db, Scope(http), filter.Period, filter.DepartmentId, page ?? 1, 50, ct));
    }

    private static async Task<IResult> BatchCallsAsync(HttpContext http, SuifangDbContext db, [FromQuery] string? day, [FromQuery] int departmentId,
        [FromQuery] string? node, [FromQuery] string? script, [FromQuery] int version, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) || string.IsNullOrWhiteSpace(script))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["day"] = ["请给出批次的日期 day（yyyy-MM-dd）和话术 script，可从外呼批次列表进入。"] },
                title: "批次条件有误");
        var scope = Scope(http);
        if (!scope.CanSeeDepartment(departmentId))
            return TypedResults.Problem("这个批次属于您无权查看的科室。如需查看，请联系管理员为您的账号添加该科室。", statusCode: StatusCodes.Status403Forbidden, title: "没有权限");
        var key = new BatchKey(d, departmentId, string.IsNullOrWhiteSpace(node) ? null : node, script, version);
        var calls = await OutboundBatches.CallsAsync(db, scope, key, ct);
        await AuditBatchViewAsync(db, scope, key, calls.Count, ct);
        return TypedResults.Ok(calls);
    }

    /// Listing a batch shows patients' names: patient data access is audited.
    public static async Task AuditBatchViewAsync(SuifangDbContext db, StaffScope scope, BatchKey key, int calls, CancellationToken ct)
    {
        db.Actor = scope.Actor;
        db.AuditEvent(AuditActions.View, "OutboundBatch", null,
            $"查看外呼批次 {key.Day:yyyy-MM-dd} 科室 {key.DepartmentId} {key.Period} {key.ScriptKey} v{key.ScriptVersion} 的 {calls} 通电话");
        await db.SaveChangesAsync(ct);
    }

    private static StaffScope Scope(HttpContext http) => StaffScopes.From(http.User, http.Connection.RemoteIpAddress?.ToString());
}
