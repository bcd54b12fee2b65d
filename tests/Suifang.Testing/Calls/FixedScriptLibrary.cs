using Suifang.Agent.Scripts;

namespace Suifang.Testing.Calls;

/// A script library test double holding the scripts a test gives it.
public sealed class FixedScriptLibrary(params Script[] scripts) : IScriptLibrary
{
    public Task<Script?> FindAsync(string key, CancellationToken ct) =>
        Task.FromResult(scripts.Where(s => s.Key == key).OrderByDescending(s => s.Version).FirstOrDefault());

    public Task<Script?> FindAsync(string key, int version, CancellationToken ct) =>
        Task.FromResult(scripts.FirstOrDefault(s => s.Key == key && s.Version == version));
}
