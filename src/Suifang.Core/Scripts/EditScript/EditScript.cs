using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Scripts.Editing;

namespace Suifang.Core.Scripts.EditScript;

/// Saves changes to a script version. A version no call has used changes in place; a used version is frozen, so the
/// changes become the next version (a draft) and the used one stays exactly as the calls heard it.
public sealed class EditScriptHandler(SuifangDbContext db, IScriptContentChecker checker, Func<DateTime> now)
{
    public async Task<ScriptCommandResult> HandleAsync(int id, ScriptInput input, StaffScope scope, CancellationToken ct = default)
    {
        var (script, refusal) = await ScriptAccess.LoadForChangeAsync(db, id, scope, ct);
        if (script is null)
            return refusal!;
        if (script.Status == ScriptStatus.Archived)
            return ScriptCommandResult.Conflict("这个话术已归档，不能再修改。如需继续使用，请先“发布”恢复它，或“复制”一份再修改。", script.Id);
        var (invalid, report) = await ScriptSaving.CheckAsync(db, checker, input, scope, ct);
        if (invalid is not null)
            return invalid;

        if (script.IsFrozen)
            return await NextVersionAsync(script, input, scope, report, ct);
        if (input.Revision is { } loaded && loaded != script.Revision)
            return Stale(script);

        // Claims the version: a call that marked it used, or a colleague who saved, since it was loaded makes this 0.
        var claimed = await db.Scripts
            .Where(s => s.Id == script.Id && s.Revision == script.Revision && s.FirstUsedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Revision, s => s.Revision + 1), ct);
        if (claimed == 0)
        {
            db.ChangeTracker.Clear();
            var fresh = await db.Scripts.SingleAsync(s => s.Id == id, ct);
            return fresh.IsFrozen ? await NextVersionAsync(fresh, input, scope, report, ct) : Stale(fresh);
        }
        ScriptSaving.Apply(input, script);
        script.Revision++;
        script.UpdatedAt = now();
        script.UpdatedBy = scope.UserName;
        await db.SaveChangesAsync(ct);
        return ScriptCommandResult.Ok(script, problems: report.Problems);
    }

    private async Task<ScriptCommandResult> NextVersionAsync(ScriptRecord used, ScriptInput input, StaffScope scope, ScriptContentReport report, CancellationToken ct)
    {
        var versions = await db.Scripts.AsNoTracking().Where(s => s.HospitalId == used.HospitalId && s.Key == used.Key)
            .Select(s => new { s.Id, s.Version, s.Status }).ToListAsync(ct);
        if (versions.FirstOrDefault(v => v.Status == ScriptStatus.Draft && v.Version > used.Version) is { } draft)
            return ScriptCommandResult.Conflict(
                $"v{used.Version} 已在电话中使用过，不能再改；这个话术已有一个尚未发布的草稿 v{draft.Version}。请打开草稿 v{draft.Version} 继续修改，以免出现两个互相不知道的新版本。", draft.Id);

        var next = new ScriptRecord
        {
            HospitalId = used.HospitalId,
            Key = used.Key,
            Name = "",
            Json = "",
            Version = versions.Max(v => v.Version) + 1,
            Status = ScriptStatus.Draft,
            CreatedAt = now(),
            CreatedBy = scope.UserName,
        };
        ScriptSaving.Apply(input, next);
        db.ChangeTracker.Clear();
        db.Scripts.Add(next);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return ScriptCommandResult.Conflict("有同事刚刚也为这个话术生成了新版本。请刷新页面，在最新的草稿上继续修改。", used.Id);
        }
        return ScriptCommandResult.Ok(next, createdNewVersion: true,
            $"v{used.Version} 已在随访电话中使用过，为了能查证当时患者听到的内容，它保持不变；您的修改已保存为新版本 v{next.Version}（草稿），发布后新的电话会使用它。",
            report.Problems);
    }

    private static ScriptCommandResult Stale(ScriptRecord s) => ScriptCommandResult.Conflict(
        $"这个话术在您打开之后已被{(s.UpdatedBy is null ? "别人" : $"“{s.UpdatedBy}”")}修改过{(s.UpdatedAt is { } at ? $"（{at:MM-dd HH:mm}）" : "")}。请刷新页面，在最新内容上再修改，以免覆盖对方的改动。", s.Id);
}
