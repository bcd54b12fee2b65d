using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Suifang.Core.Common;
using Suifang.Core.Data;
using Suifang.Core.Quality;
using Suifang.Web.Accounts;

namespace Suifang.Web.Quality;

/// /api/quality: the review queue, one sampled call, saving a review, the report and its xlsx (7.2.5.2).
internal static class QualityApi
{
    public static readonly string Reviewers = string.Join(',', ReviewCall.Reviewers);

    public static RouteGroupBuilder MapQualityApi(this RouteGroupBuilder api)
    {
        var quality = api.MapGroup("/quality").WithTags("质检")
            .RequireAuthorization(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute { Roles = Reviewers });
        quality.MapGet("/queue", QueueAsync).WithSummary("待复核（或已复核）的抽检通话，本人科室");
        quality.MapGet("/samples/{id:long}", DetailAsync).WithSummary("一个抽检通话：对话、理解的回答、自动检查结果");
        quality.MapPost("/samples/{id:long}/review", ReviewAsync).WithSummary("保存复核：每个回答对/错及正确值，每项检查确认/驳回");
        quality.MapGet("/report", ReportAsync).WithSummary("质检报告：按科室、话术和版本的检查通过率与理解准确率");
        quality.MapGet("/report.xlsx", ExportAsync).WithSummary("质检报告导出为 Excel");
        return api;
    }

    private static async Task<Ok<List<QueueRow>>> QueueAsync(SuifangDbContext db, HttpContext http, [FromQuery] bool reviewed = false, CancellationToken ct = default) =>
        TypedResults.Ok(await ReviewQueue.ListAsync(db, Scope(http), reviewed ? ReviewState.Reviewed : ReviewState.Waiting, 200, ct));

    private static async Task<Results<Ok<SampleDetail>, NotFound<ProblemDetails>, ForbidHttpResult>> DetailAsync(SuifangDbContext db, HttpContext http, long id, CancellationToken ct)
    {
        var (detail, forbidden) = await QualityQueries.DetailAsync(db, Scope(http), id, ct);
        if (forbidden)
            return TypedResults.Forbid();
        return detail is null ? TypedResults.NotFound(NotFoundProblem(id)) : TypedResults.Ok(detail);
    }

    private static async Task<IResult> ReviewAsync(SuifangDbContext db, HttpContext http, HospitalClock clock, long id, ReviewInput input, CancellationToken ct)
    {
        var result = await ReviewCall.SaveAsync(db, Scope(http), id, input, clock.Now, ct);
        return result.Outcome switch
        {
            ReviewOutcome.Saved => TypedResults.NoContent(),
            ReviewOutcome.NotFound => TypedResults.NotFound(NotFoundProblem(id)),
            ReviewOutcome.Forbidden => TypedResults.Problem(title: "不能复核这通电话", detail: result.Message, statusCode: StatusCodes.Status403Forbidden),
            _ => TypedResults.Problem(title: "复核内容需要补充", detail: result.Message, statusCode: StatusCodes.Status400BadRequest),
        };
    }

    private static async Task<Ok<QualityReportResult>> ReportAsync(SuifangDbContext db, HttpContext http, HospitalClock clock, [FromQuery] DateOnly? from,
        [FromQuery] DateOnly? to, [FromQuery] int? department, [FromQuery] string? script, CancellationToken ct)
    {
        var (start, end) = Period(clock, from, to);
        return TypedResults.Ok(await QualityReport.BuildAsync(db, Scope(http), start, end, department, script, ct));
    }

    private static async Task<FileContentHttpResult> ExportAsync(SuifangDbContext db, HttpContext http, HospitalClock clock, [FromQuery] DateOnly? from,
        [FromQuery] DateOnly? to, [FromQuery] int? department, [FromQuery] string? script, CancellationToken ct)
    {
        var staff = Scope(http);
        var (start, end) = Period(clock, from, to);
        var report = await QualityReport.BuildAsync(db, staff, start, end, department, script, ct);
        var names = await QualityQueries.DepartmentNamesAsync(db, staff, ct);
        return TypedResults.File(QualityExport.Workbook(report, names), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"质检报告-{start:yyyyMMdd}-{end.AddDays(-1):yyyyMMdd}.xlsx");
    }

    /// From the first to the last day inclusive; the last 30 days when not given.
    public static (DateTime From, DateTime To) Period(HospitalClock clock, DateOnly? from, DateOnly? to)
    {
        var last = to ?? clock.Today;
        var first = from ?? last.AddDays(-29);
        return (first.ToDateTime(TimeOnly.MinValue), last.AddDays(1).ToDateTime(TimeOnly.MinValue));
    }

    private static ProblemDetails NotFoundProblem(long id) =>
        new() { Title = "找不到这个抽检通话", Detail = $"编号 {id} 的抽检通话不存在或不属于本院。请回到待复核列表刷新后再试。" };

    private static Core.Accounts.StaffScope Scope(HttpContext http) => StaffScopes.From(http.User, http.Connection.RemoteIpAddress?.ToString());
}
