using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Common;
using Suifang.Core.Data;
using Suifang.Core.Patients.HisSync;
using Suifang.Web.Accounts;

namespace Suifang.Web.His;

/// /api/his: the HIS connection's status, "sync now", and the history of runs.
internal static class HisApi
{
    public static readonly string Viewers = string.Join(',', Roles.Admin, Roles.Nurse, Roles.Doctor, Roles.Supervisor);
    public static readonly string Starters = string.Join(',', Roles.Admin, Roles.Nurse, Roles.Doctor);

    public static void Map(RouteGroupBuilder his)
    {
        his.MapGet("/", StatusAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Viewers })
            .WithSummary("HIS 连接状态：数据来源、已同步到的时间点、下次自动同步时间、正在进行的同步");
        his.MapPost("/sync", StartAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Starters })
            .WithSummary("立即同步：在后台开始一次同步，返回 202 和同步编号；已有同步在进行时返回 409");
        his.MapGet("/runs", RunsAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Viewers })
            .WithSummary("同步记录，最新的在前（take 默认 50，最多 200）");
        his.MapGet("/runs/{id:guid}", RunAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Viewers })
            .WithSummary("一次同步的进度或结果，含未能接收的记录及原因");
    }

    private static async Task<Ok<HisStatusView>> StatusAsync(HisSyncRunner runner, HisSchedule schedule, SuifangDbContext db, CancellationToken ct)
    {
        var watermark = await HisSyncRuns.WatermarkAsync(db, runner.Source.Key, ct);
        return TypedResults.Ok(new HisStatusView(runner.Source.Key, runner.Source.Description, watermark, schedule.Cron,
            schedule.NextRun(DateTimeOffset.UtcNow), runner.Progress?.RunId));
    }

    private static async Task<Results<Accepted<HisStartedView>, ProblemHttpResult>> StartAsync(HisSyncRunner runner, HttpContext http)
    {
        var staff = StaffScopes.From(http.User, http.Connection.RemoteIpAddress?.ToString());
        try
        {
            var id = await runner.StartAsync(HisSyncTriggers.Manual, staff.Actor);
            return TypedResults.Accepted($"/api/his/runs/{id}", new HisStartedView(id, "已开始同步，可查询进度。"));
        }
        catch (HisSyncBusyException ex)
        {
            return TypedResults.Problem(title: "HIS 同步正在进行中", detail: ex.Message, statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["runningRunId"] = ex.RunningRunId });
        }
    }

    private static async Task<Ok<List<HisRunView>>> RunsAsync(HisSyncRunner runner, SuifangDbContext db, int? take, CancellationToken ct)
    {
        var rows = await db.HisSyncRuns.AsNoTracking().OrderByDescending(r => r.StartedAt)
            .Take(Math.Clamp(take ?? 50, 1, 200)).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(r => HisRunView.From(r, withRejected: false, runner.Progress)).ToList());
    }

    private static async Task<Results<Ok<HisRunView>, ProblemHttpResult>> RunAsync(Guid id, HisSyncRunner runner, SuifangDbContext db, CancellationToken ct)
    {
        var run = await db.HisSyncRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        return run is null
            ? TypedResults.Problem(title: "没有这次同步", detail: $"找不到编号为 {id} 的 HIS 同步记录。", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(HisRunView.From(run, withRejected: true, runner.Progress));
    }
}

internal sealed record HisStartedView(Guid RunId, string Message);
