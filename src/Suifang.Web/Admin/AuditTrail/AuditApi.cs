using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Suifang.Core.Accounts;
using Suifang.Core.Audit;
using Suifang.Core.Data;
using Suifang.Web.Accounts;

namespace Suifang.Web.Admin.AuditTrail;

/// /api/audit: the audit log (newest first, filtered) and its hash-chain check, for admins only.
internal static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/audit").WithTags("审计日志")
            .RequireAuthorization(new AuthorizeAttribute { Roles = Roles.Admin });

        group.MapGet("/", async ([AsParameters] AuditQueryParameters q, SuifangDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await AuditLogQuery.SearchAsync(db, q.ToFilter(), ct)))
            .WithSummary("分页查询审计日志（最新的在前），可按用户、操作、对象类型、对象编号和日期筛选");

        group.MapGet("/{id:long}", async Task<Results<Ok<AuditEntry>, NotFound>> (long id, SuifangDbContext db, CancellationToken ct) =>
            await db.AuditLog.FindAsync([id], ct) is { } entry ? TypedResults.Ok(entry) : TypedResults.NotFound())
            .WithSummary("查看一条审计记录（含变更内容和哈希）");

        group.MapPost("/verify", async (HttpContext http, SuifangDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await AuditLogQuery.VerifyAsync(db, StaffScopes.From(http.User, http.Connection.RemoteIpAddress?.ToString()).Actor, null, ct)))
            .WithSummary("校验哈希链：逐条重算哈希，报告日志是否完整或第一条被篡改的记录");
        return api;
    }
}

internal sealed record AuditQueryParameters(
    string? User, string? Action, string? EntityType, string? EntityId, DateOnly? From, DateOnly? To, int? Page, int? PageSize)
{
    public AuditFilter ToFilter() => new(User, Action, EntityType, EntityId, From, To, Page ?? 1, PageSize ?? 50);
}
