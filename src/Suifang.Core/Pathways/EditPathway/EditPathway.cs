using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Pathways.CreatePathway;
using Suifang.Core.Pathways.Editing;

namespace Suifang.Core.Pathways.EditPathway;

/// Saves changes to a pathway version. A version no plan has used changes in place; a used version is frozen,
/// so the changes become the next version, a draft, and the used one stays exactly as the plans saw it.
public sealed class EditPathwayHandler(SuifangDbContext db, Func<DateTime> now)
{
    public async Task<PathwayCommandResult> HandleAsync(int id, PathwayInput input, StaffScope scope, CancellationToken ct = default)
    {
        var (pathway, refusal) = await PathwayAccess.LoadForChangeAsync(db, id, scope, ct);
        if (pathway is null)
            return refusal!;
        if (pathway.Status == PathwayStatus.Archived)
            return PathwayCommandResult.Conflict("这条路径已归档，不能再修改。如需继续使用，请先“发布”恢复它，或“复制”一份再修改。", pathway.Id);
        if (await PathwaySaving.CheckAsync(db, input, scope, ct) is { } invalid)
            return invalid;

        if (await PathwayUsage.IsUsedAsync(db, pathway, ct))
            return await new NextVersion(db, now).CreateAsync(pathway, input, scope, ct);
        if (input.Revision is { } loaded && loaded != pathway.Revision)
            return Stale(pathway);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Claims the version: a plan that marked it used, or a colleague who saved, since it was loaded makes this 0.
        var claimed = await db.Pathways
            .Where(p => p.Id == pathway.Id && p.Revision == pathway.Revision && p.FirstUsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Revision, p => p.Revision + 1), ct);
        if (claimed == 0)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            var fresh = await db.Pathways.Include(p => p.Nodes).SingleAsync(p => p.Id == id, ct);
            return fresh.FirstUsedAt is not null ? await new NextVersion(db, now).CreateAsync(fresh, input, scope, ct) : Stale(fresh);
        }
        db.PathwayNodes.RemoveRange(pathway.Nodes);
        PathwayMapping.Apply(input, pathway);
        pathway.Revision++;
        pathway.UpdatedAt = now();
        pathway.UpdatedBy = scope.UserName;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return PathwayCommandResult.Ok(pathway);
    }

    private static PathwayCommandResult Stale(Pathway p) => PathwayCommandResult.Conflict(
        $"这条路径在您打开之后已被{(p.UpdatedBy is null ? "别人" : $"“{p.UpdatedBy}”")}修改过{(p.UpdatedAt is { } at ? $"（{at:MM-dd HH:mm}）" : "")}。请刷新页面，在最新内容上再修改，以免覆盖对方的改动。", p.Id);
}

/// The next version of a used pathway: a draft with the submitted content (its nodes copied from the input, not shared).
internal sealed class NextVersion(SuifangDbContext db, Func<DateTime> now)
{
    public async Task<PathwayCommandResult> CreateAsync(Pathway used, PathwayInput input, StaffScope scope, CancellationToken ct)
    {
        var versions = await db.Pathways.AsNoTracking().Where(p => p.HospitalId == used.HospitalId && p.Key == used.Key)
            .Select(p => new { p.Id, p.Version, p.Status }).ToListAsync(ct);
        if (versions.FirstOrDefault(v => v.Status == PathwayStatus.Draft && v.Version > used.Version) is { } draft)
            return PathwayCommandResult.Conflict(
                $"v{used.Version} 已被随访计划使用，不能再改；这条路径已有一个尚未发布的草稿 v{draft.Version}。请打开草稿 v{draft.Version} 继续修改，以免出现两个互相不知道的新版本。", draft.Id);

        var plans = await PathwayUsage.PlanCountAsync(db, used.Id, ct);
        var next = new Pathway
        {
            HospitalId = used.HospitalId,
            Key = used.Key,
            Name = "",
            DiseaseCodes = "",
            DiseaseNames = "",
            Version = versions.Max(v => v.Version) + 1,
            Status = PathwayStatus.Draft,
            CreatedAt = now(),
            CreatedBy = scope.UserName,
        };
        PathwayMapping.Apply(input, next);
        db.ChangeTracker.Clear();
        db.Pathways.Add(next);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return PathwayCommandResult.Conflict("有同事刚刚也为这条路径生成了新版本。请刷新页面，在最新的草稿上继续修改。", used.Id);
        }
        var usedBy = plans > 0 ? $"已被 {plans} 个随访计划使用" : "已被随访计划使用过";
        return PathwayCommandResult.Ok(next, createdNewVersion: true,
            $"v{used.Version} {usedBy}，为保证这些计划不受影响，它保持不变；您的修改已保存为新版本 v{next.Version}（草稿），发布后新的计划会使用它。");
    }
}
