using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Pathways.Editing;

namespace Suifang.Core.Pathways.ArchivePathway;

/// Takes a version out of use: no new plan is built from it; plans already built from it go on unchanged.
public sealed class ArchivePathwayHandler(SuifangDbContext db, Func<DateTime> now)
{
    public async Task<PathwayCommandResult> HandleAsync(int id, StaffScope scope, CancellationToken ct = default)
    {
        var (pathway, refusal) = await PathwayAccess.LoadForChangeAsync(db, id, scope, ct);
        if (pathway is null)
            return refusal!;
        if (pathway.Status != PathwayStatus.Archived)
        {
            pathway.Status = PathwayStatus.Archived;
            pathway.UpdatedAt = now();
            pathway.UpdatedBy = scope.UserName;
            pathway.Revision++;
            await db.SaveChangesAsync(ct);
        }
        return PathwayCommandResult.Ok(pathway, message: $"“{pathway.Name}” v{pathway.Version} 已归档：不再用于新的随访计划，已有的计划照常进行。");
    }
}
