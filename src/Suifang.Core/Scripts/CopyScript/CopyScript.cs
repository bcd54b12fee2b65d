using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Scripts.Editing;

namespace Suifang.Core.Scripts.CopyScript;

/// A new script (its own key, version 1, draft) with a version's content, e.g. a template adapted by another department.
public sealed class CopyScriptHandler(SuifangDbContext db, Func<DateTime> now)
{
    public async Task<ScriptCommandResult> HandleAsync(int id, int? departmentId, StaffScope scope, CancellationToken ct = default)
    {
        var (source, refusal) = await ScriptAccess.LoadForChangeAsync(db, id, scope, ct);
        if (source is null)
            return refusal!;
        var department = departmentId ?? source.DepartmentId;
        if (await ScriptAccess.CheckDepartmentAsync(db, department, scope, ct) is { } wrongDepartment)
            return wrongDepartment;

        var name = $"{source.Name}（副本）";
        var copy = new ScriptRecord
        {
            HospitalId = source.HospitalId,
            DepartmentId = department,
            Key = await ScriptSaving.NewKeyAsync(db, source.HospitalId, department, ct),
            Name = name.Length > 128 ? name[..128] : name,
            Purpose = source.Purpose,
            Json = source.Json,
            Status = ScriptStatus.Draft,
            CreatedAt = now(),
            CreatedBy = scope.UserName,
        };
        db.Scripts.Add(copy);
        await db.SaveChangesAsync(ct);
        return ScriptCommandResult.Ok(copy, message: $"已复制为新话术“{copy.Name}”（草稿），修改后请发布。");
    }
}
