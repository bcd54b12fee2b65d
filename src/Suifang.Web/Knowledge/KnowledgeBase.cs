using Microsoft.EntityFrameworkCore;
using Suifang.Agent.Knowledge;
using Suifang.Core.Data;

namespace Suifang.Web.Knowledge;

/// The agent's knowledge search (7.3.2.2) over the hospital's active entries: an in-memory Lucene index rebuilt when an
/// entry changes here, or when the periodic check sees a change made on another node. Find never touches the database,
/// so a call's turn never waits for it.
internal sealed class KnowledgeBase(IServiceScopeFactory scopes, ILogger<KnowledgeBase> log) : IKnowledgeSearch, IDisposable
{
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private volatile KnowledgeIndex _index = new([]);
    private string _stamp = "";

    public int Count => _index.Count;

    public KnowledgeHit? Find(string question, string? department) => _index.Find(question, department);

    public IReadOnlyList<KnowledgeCandidate> Search(string question, string? department, int k) => _index.Search(question, department, k);

    /// Rebuilds the index when the entries differ from those it was built from (or always, with <paramref name="force"/>).
    public async Task RefreshAsync(bool force, CancellationToken ct)
    {
        await _rebuild.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SuifangDbContext>();
            var stamp = await StampAsync(db, ct);
            if (!force && stamp == _stamp)
                return;
            var documents = await DocumentsAsync(db, ct);
            var old = _index;
            _index = new KnowledgeIndex(documents);
            _stamp = stamp;
            old.Dispose();
            log.LogInformation("Knowledge index rebuilt with {Count} entries", documents.Count);
        }
        finally
        {
            _rebuild.Release();
        }
    }

    private static async Task<string> StampAsync(SuifangDbContext db, CancellationToken ct)
    {
        var count = await db.KnowledgeEntries.CountAsync(ct);
        var revisions = count == 0 ? 0 : await db.KnowledgeEntries.SumAsync(e => e.Revision, ct);
        var maxId = count == 0 ? 0 : await db.KnowledgeEntries.MaxAsync(e => e.Id, ct);
        return $"{count}:{revisions}:{maxId}";
    }

    /// Each entry carries the names, codes and aliases of its department, so the agent may pass any of them.
    private static async Task<List<KnowledgeDocument>> DocumentsAsync(SuifangDbContext db, CancellationToken ct)
    {
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, ct);
        var entries = await db.KnowledgeEntries.AsNoTracking().Where(e => !e.IsRetired).OrderBy(e => e.Id).ToListAsync(ct);
        return entries.Select(e => new KnowledgeDocument(
                e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                e.DepartmentId is { } d && departments.TryGetValue(d, out var dep) ? dep.AllNames().Distinct().ToList() : [],
                e.Question, e.VariantList().ToList(), e.Answer))
            .ToList();
    }

    public void Dispose()
    {
        _index.Dispose();
        _rebuild.Dispose();
    }
}
