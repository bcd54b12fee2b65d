using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Pathways.Editing;

namespace Suifang.Core.Pathways.DeletePathway;

/// Deletes a version no plan has used. A used version is refused with the reason and archive offered instead;
/// a shipped preset too, since it would come back at the next start.
public sealed class DeletePathwayHandler(SuifangDbContext db)
{
    public async Task<PathwayCommandResult> HandleAsync(int id, StaffScope scope, CancellationToken ct = default)
    {
        var (pathway, refusal) = await PathwayAccess.LoadForChangeAsync(db, id, scope, ct);
        if (pathway is null)
            return refusal!;
        if (await PathwayUsage.IsUsedAsync(db, pathway, ct))
        {
            var plans = await PathwayUsage.PlanCountAsync(db, pathway.Id, ct);
            var usedBy = plans > 0 ? $"正被 {plans} 个随访计划使用" : "已被随访计划使用过";
            return PathwayCommandResult.Conflict(
                $"“{pathway.Name}” v{pathway.Version} {usedBy}，不能删除：这些计划按它提问和判断异常，删除后就无从查证。如果不想再用它生成新的计划，请点击“归档”。", pathway.Id);
        }
        if (pathway.IsPreset)
            return PathwayCommandResult.Conflict(
                $"“{pathway.Name}”是系统预设路径，不能删除（删除后下次启动会自动补回）。不想使用时请点击“归档”；想按本院习惯修改，可以直接编辑或复制一份。", pathway.Id);

        db.Pathways.Remove(pathway);
        await db.SaveChangesAsync(ct);
        return PathwayCommandResult.Ok(pathway, message: $"已删除“{pathway.Name}” v{pathway.Version}。");
    }
}
