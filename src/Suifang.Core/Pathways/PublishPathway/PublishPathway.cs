using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Pathways.Editing;
using Suifang.Core.Pathways.Validation;

namespace Suifang.Core.Pathways.PublishPathway;

/// Makes a draft (or an archived version) the one new plans use: the newest published version of its key.
/// Older published versions stay as they are, for the plans built from them.
public sealed class PublishPathwayHandler(SuifangDbContext db, Func<DateTime> now)
{
    public async Task<PathwayCommandResult> HandleAsync(int id, StaffScope scope, CancellationToken ct = default)
    {
        var (pathway, refusal) = await PathwayAccess.LoadForChangeAsync(db, id, scope, ct);
        if (pathway is null)
            return refusal!;
        if (pathway.Status == PathwayStatus.Published)
            return PathwayCommandResult.Ok(pathway, message: $"v{pathway.Version} 已经是发布状态。");
        var errors = PathwayValidator.Validate(PathwayInput.From(pathway));
        if (errors.Count > 0)
            return PathwayCommandResult.Invalid(errors);

        pathway.Status = PathwayStatus.Published;
        pathway.UpdatedAt = now();
        pathway.UpdatedBy = scope.UserName;
        pathway.Revision++;
        await db.SaveChangesAsync(ct);
        return PathwayCommandResult.Ok(pathway, message: $"“{pathway.Name}” v{pathway.Version} 已发布：之后新建的随访计划会使用这个版本。");
    }
}
