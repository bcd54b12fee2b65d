using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Scripts.Editing;

namespace Suifang.Core.Scripts.CreateScript;

/// A new script, version 1, as a draft of one of the author's departments.
public sealed class CreateScriptHandler(SuifangDbContext db, IScriptContentChecker checker, Func<DateTime> now)
{
    public async Task<ScriptCommandResult> HandleAsync(ScriptInput input, StaffScope scope, CancellationToken ct = default)
    {
        if (!ScriptAccess.MayWrite(scope))
            return ScriptCommandResult.Forbidden(ScriptAccess.WriteRefused);
        var (refusal, report) = await ScriptSaving.CheckAsync(db, checker, input, scope, ct);
        if (refusal is not null)
            return refusal;

        var script = new ScriptRecord
        {
            HospitalId = scope.HospitalId,
            Key = await ScriptSaving.NewKeyAsync(db, scope.HospitalId, input.DepartmentId, ct),
            Name = "",
            Json = "",
            Status = ScriptStatus.Draft,
            CreatedAt = now(),
            CreatedBy = scope.UserName,
        };
        ScriptSaving.Apply(input, script);
        db.Scripts.Add(script);
        await db.SaveChangesAsync(ct);
        return ScriptCommandResult.Ok(script, problems: report.Problems);
    }
}
