using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;

namespace Suifang.Core.Scripts;

/// Whether calls used a script version. A used version is frozen: editing makes the next version, deleting is refused.
public static class ScriptUsage
{
    /// Marks the version used by a call (the call channel calls it before the first turn); the first use is kept.
    public static Task<int> MarkUsedAsync(SuifangDbContext db, int scriptId, DateTime at, CancellationToken ct = default) =>
        db.Scripts.Where(s => s.Id == scriptId && s.FirstUsedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.FirstUsedAt, at), ct);

    public static Task<int> MarkUsedAsync(SuifangDbContext db, int hospitalId, string key, int version, DateTime at, CancellationToken ct = default) =>
        db.Scripts.Where(s => s.HospitalId == hospitalId && s.Key == key && s.Version == version && s.FirstUsedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.FirstUsedAt, at), ct);
}
