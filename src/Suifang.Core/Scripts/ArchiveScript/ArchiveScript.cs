using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Scripts.Editing;

namespace Suifang.Core.Scripts.ArchiveScript;

/// Takes a version out of use: no new call uses it; what calls recorded with it stays traceable.
public sealed class ArchiveScriptHandler(SuifangDbContext db, Func<DateTime> now)
{
    public async Task<ScriptCommandResult> HandleAsync(int id, StaffScope scope, CancellationToken ct = default)
    {
        var (script, refusal) = await ScriptAccess.LoadForChangeAsync(db, id, scope, ct);
        if (script is null)
            return refusal!;
        if (script.Status != ScriptStatus.Archived)
        {
            script.Status = ScriptStatus.Archived;
            script.UpdatedAt = now();
            script.UpdatedBy = scope.UserName;
            script.Revision++;
            await db.SaveChangesAsync(ct);
        }
        return ScriptCommandResult.Ok(script, message: $"“{script.Name}” v{script.Version} 已归档：新的随访电话不再使用它，已打过的电话记录照常可查。");
    }
}
