using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;

namespace Suifang.Core.Pathways.ListPathways;

/// Filters of the pathway list (5.1.5): disease (an ICD-10 code it covers, or words of its disease names or codes),
/// name, version, department, status. Without a version, each pathway shows its newest version unless AllVersions.
public sealed record PathwayFilter(
    string? Disease = null, string? Name = null, int? Version = null, int? DepartmentId = null,
    PathwayStatus? Status = null, bool AllVersions = false);

public sealed record PathwayListRow(
    int Id, string Key, string Name, int Version, PathwayStatus Status, int DepartmentId, string DepartmentName,
    string DiseaseCodes, string DiseaseNames, int NodeCount, bool IsPreset, bool IsUsed, int PlanCount,
    int? PublishedVersion, DateTime ChangedAt);

public static class PathwayList
{
    /// The pathways a staff member may see, by department and name. A hospital has tens to a few hundred
    /// pathway versions, so the text filters run in memory, where ICD-10 ranges can be tested.
    public static async Task<IReadOnlyList<PathwayListRow>> RunAsync(SuifangDbContext db, StaffScope scope, PathwayFilter filter, CancellationToken ct = default)
    {
        var query = db.Pathways.AsNoTracking().VisibleTo(scope);
        if (filter.DepartmentId is { } department)
            query = query.Where(p => p.DepartmentId == department);
        var rows = await query
            .Join(db.Departments, p => p.DepartmentId, d => d.Id, (p, d) => new
            {
                p.Id, p.Key, p.Name, p.Version, p.Status, p.DepartmentId, DepartmentName = d.Name, p.DiseaseCodes, p.DiseaseNames,
                NodeCount = p.Nodes.Count, p.IsPreset, p.FirstUsedAt, p.CreatedAt, p.UpdatedAt,
            })
            .ToListAsync(ct);
        var published = rows.Where(r => r.Status == PathwayStatus.Published)
            .GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.Max(r => r.Version));
        var newest = rows.GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.Max(r => r.Version));

        var selected = rows
            .Where(r => filter.Version is { } v ? r.Version == v : filter.AllVersions || r.Version == newest[r.Key])
            .Where(r => filter.Status is not { } s || r.Status == s)
            .Where(r => string.IsNullOrWhiteSpace(filter.Name) || r.Name.Contains(filter.Name.Trim(), StringComparison.OrdinalIgnoreCase))
            .Where(r => MatchesDisease(r.DiseaseCodes, r.DiseaseNames, filter.Disease))
            .ToList();
        var plans = await PathwayUsage.PlanCountsAsync(db, selected.Select(r => r.Id).ToList(), ct);
        return selected
            .OrderBy(r => r.DepartmentName, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal).ThenByDescending(r => r.Version)
            .Select(r =>
            {
                var count = plans.GetValueOrDefault(r.Id);
                return new PathwayListRow(r.Id, r.Key, r.Name, r.Version, r.Status, r.DepartmentId, r.DepartmentName, r.DiseaseCodes,
                    r.DiseaseNames, r.NodeCount, r.IsPreset, r.FirstUsedAt is not null || count > 0, count,
                    published.TryGetValue(r.Key, out var pv) ? pv : null, r.UpdatedAt ?? r.CreatedAt);
            })
            .ToList();
    }

    /// "I21.9" finds the pathways whose ranges contain it; other words search the disease names and codes.
    public static bool MatchesDisease(string codes, string names, string? disease)
    {
        if (string.IsNullOrWhiteSpace(disease))
            return true;
        var d = disease.Trim();
        if (names.Contains(d, StringComparison.OrdinalIgnoreCase) || codes.Contains(d, StringComparison.OrdinalIgnoreCase))
            return true;
        return IcdRange.TryParse(d, out var asked, out _) && asked.From == asked.To && IcdRange.AnyContains(IcdRange.ParseList(codes), d);
    }
}
