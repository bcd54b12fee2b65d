using Microsoft.EntityFrameworkCore;
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

        var lastVersion = !await db.Pathways.AnyAsync(p => p.HospitalId == pathway.HospitalId && p.Key == pathway.Key && p.Id != pathway.Id, ct);
        if (lastVersion && await db.PlanRules.Where(r => r.HospitalId == pathway.HospitalId && r.PathwayKey == pathway.Key && r.Enabled)
                .Select(r => r.Name).FirstOrDefaultAsync(ct) is { } rule)
            return PathwayCommandResult.Conflict(
                $"计划规则“{rule}”按这条路径为新患者建立随访计划，删除后规则就找不到路径了。请先修改或停用该规则，或者把路径“归档”。", pathway.Id);

        db.Pathways.Remove(pathway);
        await db.SaveChangesAsync(ct);
        return PathwayCommandResult.Ok(pathway, message: $"已删除“{pathway.Name}” v{pathway.Version}。");
    }
}
