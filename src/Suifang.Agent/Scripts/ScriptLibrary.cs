namespace Suifang.Agent.Scripts;

/// <summary>Where calls find their script: the published version of a key, as stored by the hospital.</summary>
public interface IScriptLibrary
{
    /// <summary>The current published version of <paramref name="key"/>, or null when there is none.</summary>
    Task<Script?> FindAsync(string key, CancellationToken ct);

    /// <summary>A given version (a call keeps the version it used, for traceability 7.2.5.2).</summary>
    Task<Script?> FindAsync(string key, int version, CancellationToken ct);
}
