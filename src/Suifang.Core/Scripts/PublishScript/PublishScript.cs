using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Scripts.Editing;

namespace Suifang.Core.Scripts.PublishScript;

/// Makes a draft (or an archived version) the one new calls use: the newest published version of its key.
/// Refused while the checker finds errors (AI disclosure missing, branches to unknown questions, loops, …).
public sealed class PublishScriptHandler(SuifangDbContext db, IScriptContentChecker checker, Func<DateTime> now)
{
    public async Task<ScriptCommandResult> HandleAsync(int id, StaffScope scope, CancellationToken ct = default)
    {
        var (script, refusal) = await ScriptAccess.LoadForChangeAsync(db, id, scope, ct);
        if (script is null)
            return refusal!;
        if (script.Status == ScriptStatus.Published)
            return ScriptCommandResult.Ok(script, message: $"v{script.Version} 已经是发布状态。");
        var report = checker.Check(script.Json);
        if (!report.Publishable)
            return ScriptCommandResult.Invalid([], report.Problems,
                $"“{script.Name}”还有 {report.Problems.Count(p => p.IsError)} 处问题，改好后才能发布（草稿已保存，不受影响）。");

        script.Status = ScriptStatus.Published;
        script.UpdatedAt = now();
        script.UpdatedBy = scope.UserName;
        script.Revision++;
        await db.SaveChangesAsync(ct);
        return ScriptCommandResult.Ok(script, message: $"“{script.Name}” v{script.Version} 已发布：之后的随访电话会使用这个版本。", problems: report.Problems);
    }
}
