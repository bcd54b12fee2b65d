using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Scripts.Editing;

namespace Suifang.Core.Scripts.DeleteScript;

/// Deletes a version no call has used. A used version is refused with the reason and archive offered instead; a shipped
/// template too (it would come back at the next start), and the last version of a key a pathway node still names.
public sealed class DeleteScriptHandler(SuifangDbContext db)
{
    public async Task<ScriptCommandResult> HandleAsync(int id, StaffScope scope, CancellationToken ct = default)
    {
        var (script, refusal) = await ScriptAccess.LoadForChangeAsync(db, id, scope, ct);
        if (script is null)
            return refusal!;
        if (script.IsFrozen)
            return ScriptCommandResult.Conflict(
                $"“{script.Name}” v{script.Version} 已在随访电话中使用过，不能删除：通话记录要能查证当时患者听到的问题。如果不想再用它，请点击“归档”。", script.Id);
        if (script.IsTemplate)
            return ScriptCommandResult.Conflict(
                $"“{script.Name}”是系统模板，不能删除（删除后下次启动会自动补回）。不想使用时请点击“归档”；想按本院习惯修改，可以直接编辑或复制一份。", script.Id);

        var lastVersion = !await db.Scripts.AnyAsync(s => s.HospitalId == script.HospitalId && s.Key == script.Key && s.Id != script.Id, ct);
        if (lastVersion && await db.PathwayNodes
                .Join(db.Pathways, n => n.PathwayId, p => p.Id, (n, p) => new { n.ScriptKey, p.HospitalId, p.Name, p.Status })
                .Where(x => x.HospitalId == script.HospitalId && x.ScriptKey == script.Key && x.Status != Pathways.PathwayStatus.Archived)
                .Select(x => x.Name).FirstOrDefaultAsync(ct) is { } pathway)
            return ScriptCommandResult.Conflict(
                $"随访路径“{pathway}”的节点用这个话术打电话，删除后电话就找不到话术了。请先在路径里换一个话术，或者把它“归档”。", script.Id);

        db.Scripts.Remove(script);
        await db.SaveChangesAsync(ct);
        return ScriptCommandResult.Ok(script, message: $"已删除“{script.Name}” v{script.Version}。");
    }
}
