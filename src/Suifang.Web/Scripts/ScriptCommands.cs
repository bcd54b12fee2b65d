using Suifang.Core.Accounts;
using Suifang.Core.Audit;
using Suifang.Core.Common;
using Suifang.Core.Data;
using Suifang.Core.Scripts.ArchiveScript;
using Suifang.Core.Scripts.CopyScript;
using Suifang.Core.Scripts.CreateScript;
using Suifang.Core.Scripts.DeleteScript;
using Suifang.Core.Scripts.Editing;
using Suifang.Core.Scripts.EditScript;
using Suifang.Core.Scripts.PublishScript;
using Suifang.Integrations.Scripts;

namespace Suifang.Web.Scripts;

/// The script commands as the editor page and the API run them: the Core handler, then the audit entry and the
/// library cache cleared for the key, so the next call hears what was just published.
internal sealed class ScriptCommands(IScriptContentChecker checker, ScriptLibraries libraries, HospitalClock clock)
{
    private Func<DateTime> Now => () => clock.Now;

    public Task<ScriptCommandResult> CreateAsync(SuifangDbContext db, ScriptInput input, StaffScope scope, CancellationToken ct = default) =>
        RunAsync(db, scope, AuditActions.Create, "新建话术", () => new CreateScriptHandler(db, checker, Now).HandleAsync(input, scope, ct), ct);

    public Task<ScriptCommandResult> EditAsync(SuifangDbContext db, int id, ScriptInput input, StaffScope scope, CancellationToken ct = default) =>
        RunAsync(db, scope, AuditActions.Update, "修改话术", () => new EditScriptHandler(db, checker, Now).HandleAsync(id, input, scope, ct), ct);

    public Task<ScriptCommandResult> PublishAsync(SuifangDbContext db, int id, StaffScope scope, CancellationToken ct = default) =>
        RunAsync(db, scope, AuditActions.Update, "发布话术", () => new PublishScriptHandler(db, checker, Now).HandleAsync(id, scope, ct), ct);

    public Task<ScriptCommandResult> ArchiveAsync(SuifangDbContext db, int id, StaffScope scope, CancellationToken ct = default) =>
        RunAsync(db, scope, AuditActions.Update, "归档话术", () => new ArchiveScriptHandler(db, Now).HandleAsync(id, scope, ct), ct);

    public Task<ScriptCommandResult> CopyAsync(SuifangDbContext db, int id, int? departmentId, StaffScope scope, CancellationToken ct = default) =>
        RunAsync(db, scope, AuditActions.Create, "复制话术", () => new CopyScriptHandler(db, Now).HandleAsync(id, departmentId, scope, ct), ct);

    public Task<ScriptCommandResult> DeleteAsync(SuifangDbContext db, int id, StaffScope scope, CancellationToken ct = default) =>
        RunAsync(db, scope, AuditActions.Delete, "删除话术", () => new DeleteScriptHandler(db).HandleAsync(id, scope, ct), ct);

    private async Task<ScriptCommandResult> RunAsync(SuifangDbContext db, StaffScope scope, string action, string what,
        Func<Task<ScriptCommandResult>> handle, CancellationToken ct)
    {
        db.Actor = scope.Actor;
        var result = await handle();
        if (!result.Succeeded || result.Key is null)
            return result;
        libraries.Invalidate(scope.HospitalId, result.Key);
        db.AuditEvent(action, "Script", result.ScriptId?.ToString(), $"{what}：{result.Key} v{result.Version}");
        await db.SaveChangesAsync(ct);
        return result;
    }
}
