using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Plans;

namespace Suifang.Core.Pathways;

/// Whether plans use a pathway version. A used version is frozen: editing makes the next version, deleting is refused.
public static class PathwayUsage
{
    /// How many plans were built from the version (0 for a version only marked used, e.g. by a plan since deleted).
    public static Task<int> PlanCountAsync(SuifangDbContext db, int pathwayId, CancellationToken ct) =>
        db.Set<PlanPathway>().CountAsync(x => x.PathwayId == pathwayId, ct);

    public static async Task<bool> IsUsedAsync(SuifangDbContext db, Pathway pathway, CancellationToken ct) =>
        pathway.FirstUsedAt is not null || await db.Set<PlanPathway>().AnyAsync(x => x.PathwayId == pathway.Id, ct);

    /// Plan counts for many versions at once, for the lists.
    public static async Task<Dictionary<int, int>> PlanCountsAsync(SuifangDbContext db, IReadOnlyCollection<int> pathwayIds, CancellationToken ct)
    {
        var ids = pathwayIds.ToArray();
        return await db.Set<PlanPathway>().Where(x => ids.Contains(x.PathwayId))
            .GroupBy(x => x.PathwayId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
    }
}
