using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;

namespace Suifang.Core.Pathways.ListPathways;

/// One version with its nodes and what the editor must say about it: used by how many plans (then saving makes
/// version NextVersion), a newer draft to continue instead.
public sealed record PathwayDetail(
    int Id, string Key, string Name, int Version, PathwayStatus Status, int DepartmentId, string DepartmentName,
    string DiseaseCodes, string DiseaseNames, string? Description, bool IsPreset, bool IsUsed, int PlanCount, int Revision,
    int NextVersion, int? NewerDraftId, int? NewerDraftVersion, DateTime CreatedAt, string? CreatedBy, DateTime? UpdatedAt, string? UpdatedBy,
    IReadOnlyList<PathwayNode> Nodes)
{
    /// The version as the editor's input, carrying the revision it was loaded at.
    public Editing.PathwayInput ToInput() => new()
    {
        Name = Name,
        DepartmentId = DepartmentId,
        DiseaseCodes = DiseaseCodes,
        DiseaseNames = DiseaseNames,
        Description = Description,
        Revision = Revision,
        Nodes = Nodes.OrderBy(n => n.Order).Select(Editing.NodeInput.From).ToList(),
    };
}

public enum DetailAccess
{
    Ok,
    NotFound,
    /// Another department's, or a role that may not read pathways.
    Forbidden,
}

public static class PathwayDetails
{
    public static async Task<(DetailAccess Access, PathwayDetail? Detail, string? Message)> LoadAsync(
        SuifangDbContext db, int id, StaffScope scope, CancellationToken ct = default)
    {
        if (!PathwayAccess.MayRead(scope))
            return (DetailAccess.Forbidden, null, PathwayAccess.ReadRefused);
        var p = await db.Pathways.AsNoTracking().Include(x => x.Nodes)
            .SingleOrDefaultAsync(x => x.Id == id && x.HospitalId == scope.HospitalId, ct);
        if (p is null)
            return (DetailAccess.NotFound, null, $"没有找到 ID 为 {id} 的随访路径，可能已被删除。");
        var department = await PathwayAccess.DepartmentNameAsync(db, p.DepartmentId, ct);
        if (!scope.CanSeeDepartment(p.DepartmentId))
            return (DetailAccess.Forbidden, null, PathwayAccess.DepartmentOutOfScope(department));

        var plans = await PathwayUsage.PlanCountAsync(db, p.Id, ct);
        var versions = await db.Pathways.AsNoTracking().Where(x => x.HospitalId == p.HospitalId && x.Key == p.Key)
            .Select(x => new { x.Id, x.Version, x.Status }).ToListAsync(ct);
        var draft = versions.Where(v => v.Status == PathwayStatus.Draft && v.Version > p.Version).MaxBy(v => v.Version);
        return (DetailAccess.Ok, new PathwayDetail(
            p.Id, p.Key, p.Name, p.Version, p.Status, p.DepartmentId, department, p.DiseaseCodes, p.DiseaseNames, p.Description,
            p.IsPreset, p.FirstUsedAt is not null || plans > 0, plans, p.Revision, versions.Max(v => v.Version) + 1, draft?.Id, draft?.Version,
            p.CreatedAt, p.CreatedBy, p.UpdatedAt, p.UpdatedBy, p.Nodes.OrderBy(n => n.Order).ToList()), null);
    }
}
