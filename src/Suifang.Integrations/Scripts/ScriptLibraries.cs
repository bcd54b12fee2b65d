using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suifang.Agent.Scripts;
using Suifang.Core.Data;
using Suifang.Core.Scripts;

namespace Suifang.Integrations.Scripts;

/// The published scripts of each hospital as the agent's Script, read from the database with a small cache. The cache is
/// cleared for a key when the editor changes it (Invalidate, called after publish, edit, archive, delete) and entries
/// expire after <see cref="Lifetime"/> anyway, so another node's publish is seen within that time.
internal sealed class ScriptLibraries(IServiceScopeFactory scopes, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<(int Hospital, string Key, int? Version), (Script? Script, DateTimeOffset Until)> _cache = new();

    /// The library of one hospital (IScriptLibrary knows no hospital: the call channel knows it from the task).
    public IScriptLibrary For(int hospitalId) => new HospitalScriptLibrary(this, hospitalId);

    public void Invalidate(int hospitalId, string key)
    {
        foreach (var entry in _cache.Keys.Where(k => k.Hospital == hospitalId && k.Key == key))
            _cache.TryRemove(entry, out _);
    }

    internal async Task<Script?> FindAsync(int hospitalId, string key, int? version, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue((hospitalId, key, version), out var hit) && hit.Until > now)
            return hit.Script;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SuifangDbContext>();
        var query = db.Scripts.AsNoTracking().Where(s => s.HospitalId == hospitalId && s.Key == key);
        // A call keeps the version it used (7.2.5.2): a given version is found whatever its state; without one, the newest published.
        var record = version is { } v
            ? await query.SingleOrDefaultAsync(s => s.Version == v, ct)
            : await query.Where(s => s.Status == ScriptStatus.Published).OrderByDescending(s => s.Version).FirstOrDefaultAsync(ct);
        var script = record is null ? null : ToScript(record, await DepartmentNameAsync(db, record.DepartmentId, ct));
        _cache[(hospitalId, key, version)] = (script, now + Lifetime);
        return script;
    }

    /// The stored JSON as the agent's Script; the columns (key, version, name, purpose, department) are authoritative.
    public static Script ToScript(ScriptRecord record, string? departmentName) => ScriptJson.Deserialize(record.Json) with
    {
        Key = record.Key,
        Version = record.Version,
        Name = record.Name,
        Purpose = (ScriptPurpose)(int)record.Purpose,
        Department = departmentName,
    };

    private static Task<string?> DepartmentNameAsync(SuifangDbContext db, int id, CancellationToken ct) =>
        db.Departments.Where(d => d.Id == id).Select(d => d.Name).SingleOrDefaultAsync(ct);

    private sealed class HospitalScriptLibrary(ScriptLibraries libraries, int hospitalId) : IScriptLibrary
    {
        public Task<Script?> FindAsync(string key, CancellationToken ct) => libraries.FindAsync(hospitalId, key, null, ct);

        public Task<Script?> FindAsync(string key, int version, CancellationToken ct) => libraries.FindAsync(hospitalId, key, version, ct);
    }
}
