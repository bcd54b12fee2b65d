using Microsoft.EntityFrameworkCore;
using Suifang.Core.Audit;
using Suifang.Core.Common;
using Suifang.Core.Data;

namespace Suifang.Web.Admin.AuditTrail;

/// Filters of the audit log page and API; dates are hospital-local days, both ends included.
internal sealed record AuditFilter(
    string? User = null,
    string? Action = null,
    string? EntityType = null,
    string? EntityId = null,
    DateOnly? From = null,
    DateOnly? To = null,
    int Page = 1,
    int PageSize = 50);

internal static class AuditLogQuery
{
    public const int MaxPageSize = 500;

    /// Newest first. The page carries whole entries, hashes included, so an admin can check one by hand.
    public static async Task<PagedResult<AuditEntry>> SearchAsync(SuifangDbContext db, AuditFilter filter, CancellationToken ct = default)
    {
        var query = db.AuditLog.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.User))
        {
            var user = filter.User.Trim();
            query = query.Where(a => a.UserName.Contains(user) || a.UserId == user);
        }
        if (!string.IsNullOrWhiteSpace(filter.Action))
            query = query.Where(a => a.Action == filter.Action);
        if (!string.IsNullOrWhiteSpace(filter.EntityType))
            query = query.Where(a => a.EntityType == filter.EntityType);
        if (!string.IsNullOrWhiteSpace(filter.EntityId))
        {
            var entityId = filter.EntityId.Trim();
            query = query.Where(a => a.EntityId == entityId);
        }
        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue);
            query = query.Where(a => a.At >= start);
        }
        if (filter.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue);
            query = query.Where(a => a.At < end);
        }
        var page = Math.Max(1, filter.Page);
        var size = Math.Clamp(filter.PageSize, 1, MaxPageSize);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(a => a.Id).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new PagedResult<AuditEntry>(items, page, size, total);
    }

    /// The entity types present in the log, for the filter list.
    public static Task<List<string>> EntityTypesAsync(SuifangDbContext db, CancellationToken ct = default) =>
        db.AuditLog.AsNoTracking().Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);

    /// Verifies the whole chain and records that it was checked, by whom and with what result.
    public static async Task<AuditVerification> VerifyAsync(SuifangDbContext db, AuditActor actor, IProgress<long>? progress, CancellationToken ct = default)
    {
        var result = await AuditChainVerifier.VerifyAsync(db, progress, ct);
        db.Actor = actor;
        db.AuditEvent(AuditActions.View, "AuditLog", result.FirstBrokenId?.ToString(), $"校验审计日志哈希链：{result.Message}");
        await db.SaveChangesAsync(ct);
        return result;
    }
}
