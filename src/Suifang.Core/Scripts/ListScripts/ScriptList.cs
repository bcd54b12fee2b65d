using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;

namespace Suifang.Core.Scripts.ListScripts;

/// Filters of the script list: department, purpose, words of the name or key, status. Without AllVersions each
/// script shows its newest version.
public sealed record ScriptFilter(int? DepartmentId = null, ScriptRecordPurpose? Purpose = null, string? Name = null,
    ScriptStatus? Status = null, bool AllVersions = false);

public sealed record ScriptListRow(
    int Id, string Key, string Name, int Version, ScriptStatus Status, ScriptRecordPurpose Purpose, int DepartmentId,
    string DepartmentName, bool IsTemplate, bool IsUsed, int? PublishedVersion, DateTime ChangedAt);

public static class ScriptList
{
    public static async Task<IReadOnlyList<ScriptListRow>> RunAsync(SuifangDbContext db, StaffScope scope, ScriptFilter filter, CancellationToken ct = default)
    {
        if (!ScriptAccess.MayRead(scope))
            return [];
        var query = db.Scripts.AsNoTracking().VisibleTo(scope);
        if (filter.DepartmentId is { } department)
            query = query.Where(s => s.DepartmentId == department);
        if (filter.Purpose is { } purpose)
            query = query.Where(s => s.Purpose == purpose);
        var rows = await query
            .Join(db.Departments, s => s.DepartmentId, d => d.Id, (s, d) => new
            {
                s.Id, s.Key, s.Name, s.Version, s.Status, s.Purpose, s.DepartmentId, DepartmentName = d.Name, s.IsTemplate,
                s.FirstUsedAt, s.CreatedAt, s.UpdatedAt,
            })
            .ToListAsync(ct);
        var published = rows.Where(r => r.Status == ScriptStatus.Published).GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.Max(r => r.Version));
        var newest = rows.GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.Max(r => r.Version));
        var words = filter.Name?.Trim();
        return rows
            .Where(r => filter.AllVersions || r.Version == newest[r.Key])
            .Where(r => filter.Status is not { } s || r.Status == s)
            .Where(r => string.IsNullOrEmpty(words) || r.Name.Contains(words, StringComparison.OrdinalIgnoreCase) || r.Key.Contains(words, StringComparison.OrdinalIgnoreCase))
            .OrderBy(r => r.DepartmentName, StringComparer.Ordinal).ThenBy(r => r.Purpose).ThenBy(r => r.Name, StringComparer.Ordinal).ThenByDescending(r => r.Version)
            .Select(r => new ScriptListRow(r.Id, r.Key, r.Name, r.Version, r.Status, r.Purpose, r.DepartmentId, r.DepartmentName, r.IsTemplate,
                r.FirstUsedAt is not null, published.TryGetValue(r.Key, out var pv) ? pv : null, r.UpdatedAt ?? r.CreatedAt))
            .ToList();
    }
}
