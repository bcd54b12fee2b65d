using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Pathways.ListPathways;

namespace Suifang.Core.Scripts.ListScripts;

/// One version with what the editor must say about it: used on calls (then saving makes NextVersion), a newer draft.
public sealed record ScriptDetail(
    int Id, string Key, string Name, int Version, ScriptStatus Status, ScriptRecordPurpose Purpose, int DepartmentId,
    string DepartmentName, string Json, bool IsTemplate, bool IsUsed, DateTime? FirstUsedAt, int Revision, int NextVersion,
    int? NewerDraftId, int? NewerDraftVersion, DateTime CreatedAt, string? CreatedBy, DateTime? UpdatedAt, string? UpdatedBy)
{
    public Editing.ScriptInput ToInput() => new() { Name = Name, DepartmentId = DepartmentId, Purpose = Purpose, Json = Json, Revision = Revision };
}

public static class ScriptDetails
{
    public static async Task<(DetailAccess Access, ScriptDetail? Detail, string? Message)> LoadAsync(
        SuifangDbContext db, int id, StaffScope scope, CancellationToken ct = default)
    {
        if (!ScriptAccess.MayRead(scope))
            return (DetailAccess.Forbidden, null, ScriptAccess.ReadRefused);
        var s = await db.Scripts.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id && x.HospitalId == scope.HospitalId, ct);
        if (s is null)
            return (DetailAccess.NotFound, null, $"没有找到 ID 为 {id} 的话术，可能已被删除。");
        var department = await PathwayAccess.DepartmentNameAsync(db, s.DepartmentId, ct);
        if (!scope.CanSeeDepartment(s.DepartmentId))
            return (DetailAccess.Forbidden, null, ScriptAccess.DepartmentOutOfScope(department));
        var versions = await db.Scripts.AsNoTracking().Where(x => x.HospitalId == s.HospitalId && x.Key == s.Key)
            .Select(x => new { x.Id, x.Version, x.Status }).ToListAsync(ct);
        var draft = versions.Where(v => v.Status == ScriptStatus.Draft && v.Version > s.Version).MaxBy(v => v.Version);
        return (DetailAccess.Ok, new ScriptDetail(s.Id, s.Key, s.Name, s.Version, s.Status, s.Purpose, s.DepartmentId, department, s.Json,
            s.IsTemplate, s.IsFrozen, s.FirstUsedAt, s.Revision, versions.Max(v => v.Version) + 1, draft?.Id, draft?.Version,
            s.CreatedAt, s.CreatedBy, s.UpdatedAt, s.UpdatedBy), null);
    }
}
