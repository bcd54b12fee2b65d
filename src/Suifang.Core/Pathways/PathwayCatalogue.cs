using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;

namespace Suifang.Core.Pathways;

/// The pathways new plans can use: the newest published version of each key of one hospital, with their ICD-10 ranges
/// parsed once. Load it once for a batch of patients and ask Covering(code) for each diagnosis.
public sealed class PathwayCatalogue
{
    private readonly IReadOnlyList<(Pathway Pathway, IReadOnlyList<IcdRange> Ranges)> _entries;

    // A hospital's diagnoses repeat: each distinct code is matched against the ranges once. Safe across threads.
    private readonly ConcurrentDictionary<string, IReadOnlyList<Pathway>> _covering = new(StringComparer.Ordinal);

    private PathwayCatalogue(IReadOnlyList<Pathway> pathways) =>
        _entries = pathways.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p, IcdRange.ParseList(p.DiseaseCodes))).ToList();

    public IReadOnlyList<Pathway> Pathways => _entries.Select(e => e.Pathway).ToList();

    /// The newest published versions whose diseases contain the code (e.g. "I21.9" → the PCI pathway), ordered by key.
    public IReadOnlyList<Pathway> Covering(string? code) =>
        string.IsNullOrWhiteSpace(code)
            ? []
            : _covering.GetOrAdd(code.Trim().ToUpperInvariant(),
                c => _entries.Where(e => IcdRange.AnyContains(e.Ranges, c)).Select(e => e.Pathway).ToList());

    /// The newest published version of one pathway (what a PlanRule's PathwayKey names), or null.
    public Pathway? Newest(string key) => _entries.FirstOrDefault(e => e.Pathway.Key == key).Pathway;

    /// Untracked; with includeNodes the versions come with their nodes (ordered by Order).
    public static async Task<PathwayCatalogue> LoadAsync(SuifangDbContext db, int hospitalId, bool includeNodes = false, CancellationToken ct = default)
    {
        var versions = await db.Pathways.AsNoTracking()
            .Where(p => p.HospitalId == hospitalId && p.Status == PathwayStatus.Published)
            .Select(p => new { p.Id, p.Key, p.Version }).ToListAsync(ct);
        var ids = versions.GroupBy(v => v.Key).Select(g => g.MaxBy(v => v.Version)!.Id).ToArray();
        var query = db.Pathways.AsNoTracking().Where(p => ids.Contains(p.Id));
        if (includeNodes)
            query = query.Include(p => p.Nodes.OrderBy(n => n.Order));
        return new PathwayCatalogue(await query.ToListAsync(ct));
    }
}

public static class PathwayQueries
{
    /// Which pathways cover a diagnosis: the newest published version per key of the hospital (7.2.3.1).
    public static async Task<IReadOnlyList<Pathway>> CoveringAsync(this SuifangDbContext db, int hospitalId, string code, bool includeNodes = false, CancellationToken ct = default) =>
        (await PathwayCatalogue.LoadAsync(db, hospitalId, includeNodes, ct)).Covering(code);
}
