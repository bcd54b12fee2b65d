using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Suifang.Core.Calls;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Web.Accounts;

namespace Suifang.Web.Calls;

/// /api/calls: the call list, one call with its transcript, and its recording streamed to an authorised user.
internal static class CallsApi
{
    public static readonly string Viewers = string.Join(',', Core.Accounts.Roles.Admin, Core.Accounts.Roles.Supervisor,
        Core.Accounts.Roles.Nurse, Core.Accounts.Roles.Doctor);

    public static void Map(RouteGroupBuilder calls)
    {
        var view = new Microsoft.AspNetCore.Authorization.AuthorizeAttribute { Roles = Viewers };
        calls.MapGet("/", ListAsync).RequireAuthorization(view).WithSummary("通话列表（按日期、科室、结果筛选；号码已脱敏）");
        calls.MapGet("/{id:long}", DetailAsync).RequireAuthorization(view).WithSummary("一次通话：对话记录、随访结果和待办");
        calls.MapGet("/{id:long}/recording", RecordingAsync).RequireAuthorization(view).WithSummary("通话录音（WAV，支持分段播放）");
    }

    private static async Task<Ok<CallPage>> ListAsync(SuifangDbContext db, HttpContext http, [FromQuery] DateOnly? from, [FromQuery] DateOnly? to,
        [FromQuery] int? department, [FromQuery] CallEnd? end, [FromQuery] long? patient, [FromQuery] int page = 1, CancellationToken ct = default)
    {
        var staff = Scope(http);
        var (rows, total) = await CallQueries.ListAsync(db, staff, new CallListFilter(from, to, department, end, patient, page), ct);
        return TypedResults.Ok(new CallPage(rows, total));
    }

    private static async Task<Results<Ok<CallDetail>, NotFound<ProblemDetails>, ForbidHttpResult>> DetailAsync(SuifangDbContext db, HttpContext http,
        long id, CancellationToken ct)
    {
        var (detail, forbidden) = await CallQueries.DetailAsync(db, Scope(http), id, ct);
        if (forbidden)
            return TypedResults.Forbid();
        if (detail is null)
            return TypedResults.NotFound(new ProblemDetails { Title = "找不到这次通话", Detail = "通话不存在或不属于本院，请回到通话列表刷新后再试。" });
        return TypedResults.Ok(detail with { Call = Without(detail.Call) });
    }

    private static async Task<IResult> RecordingAsync(SuifangDbContext db, HttpContext http, long id, CancellationToken ct)
    {
        var staff = Scope(http);
        var call = await db.Calls.AsNoTracking().Where(c => c.Id == id && c.HospitalId == staff.HospitalId)
            .Select(c => new { c.DepartmentId, c.PatientId, c.RecordingPath }).FirstOrDefaultAsync(ct);
        if (call is null)
            return TypedResults.NotFound(new ProblemDetails { Title = "找不到这次通话", Detail = "通话不存在或不属于本院。" });
        if (!staff.CanSeeDepartment(call.DepartmentId))
            return TypedResults.Forbid();
        if (call.RecordingPath is not { } path || !File.Exists(path))
            return TypedResults.NotFound(new ProblemDetails { Title = "这次通话没有录音", Detail = "模拟通话的录音在通话结束后由对话记录合成，请稍后再试（关闭了 Calls:SimulatedRecordings:Enabled 时只有对话记录）；真实通话的录音文件不在时，请联系信息科检查录音目录。" });
        db.Actor = staff.Actor;
        db.AuditEvent(Core.Audit.AuditActions.View, nameof(Call), id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"收听通话 {id} 的录音（患者 ID {call.PatientId}）");
        await db.SaveChangesAsync(ct);
        return TypedResults.PhysicalFile(path, "audio/wav", enableRangeProcessing: true);
    }

    private static Core.Accounts.StaffScope Scope(HttpContext http) => StaffScopes.From(http.User, http.Connection.RemoteIpAddress?.ToString());

    /// The cipher text of the number never leaves the server.
    private static Call Without(Call call)
    {
        call.NumberCipher = "";
        return call;
    }
}

internal sealed record CallPage(IReadOnlyList<CallRow> Items, int Total);
