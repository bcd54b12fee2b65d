using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Pathways.Editing;

namespace Suifang.Core.Pathways.CopyPathway;

/// A new pathway (its own key, version 1, draft) with a version's content, e.g. a preset adapted by another department.
public sealed class CopyPathwayHandler(SuifangDbContext db, Func<DateTime> now)
{
    public async Task<PathwayCommandResult> HandleAsync(int id, int? departmentId, StaffScope scope, CancellationToken ct = default)
    {
        var (source, refusal) = await PathwayAccess.LoadForChangeAsync(db, id, scope, ct);
        if (source is null)
            return refusal!;
        var department = departmentId ?? source.DepartmentId;
        if (await PathwayAccess.CheckDepartmentAsync(db, department, scope, ct) is { } wrongDepartment)
            return wrongDepartment;

        var name = $"{source.Name}（副本）";
        var copy = new Pathway
        {
            HospitalId = source.HospitalId,
            DepartmentId = department,
            Key = await PathwayKeys.NewAsync(db, source.HospitalId, department, ct),
            Name = name.Length > 128 ? name[..128] : name,
            DiseaseCodes = source.DiseaseCodes,
            DiseaseNames = source.DiseaseNames,
            Description = source.Description,
            Version = 1,
            Status = PathwayStatus.Draft,
            CreatedAt = now(),
            CreatedBy = scope.UserName,
            Nodes = PathwayMapping.Copy(source.Nodes),
        };
        db.Pathways.Add(copy);
        await db.SaveChangesAsync(ct);
        return PathwayCommandResult.Ok(copy, message: $"已复制为新路径“{copy.Name}”（草稿），修改后请发布。");
    }
}
