using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;

namespace Suifang.Core.Todos;

/// The home dashboard's to-do figures (5.1.6): open to-dos of the user's departments by urgency and by kind, and
/// the open ones routed to the user.
public sealed record TodoCounts(int Open, IReadOnlyDictionary<TodoUrgency, int> ByUrgency, IReadOnlyDictionary<TodoKind, int> ByKind, int AssignedToMe)
{
    public static async Task<TodoCounts> RunAsync(SuifangDbContext db, StaffScope scope, CancellationToken ct = default)
    {
        var open = db.Todos.AsNoTracking().VisibleTo(scope).Where(t => t.Status == TodoStatus.Open);
        var groups = await open.GroupBy(t => new { t.Urgency, t.Kind }).Select(g => new { g.Key.Urgency, g.Key.Kind, Count = g.Count() }).ToListAsync(ct);
        var mine = await db.Todos.AsNoTracking()
            .CountAsync(t => t.AssignedToUserId == scope.UserId && t.Status == TodoStatus.Open && t.HospitalId == scope.HospitalId, ct);
        return new TodoCounts(
            groups.Sum(g => g.Count),
            groups.GroupBy(g => g.Urgency).ToDictionary(g => g.Key, g => g.Sum(x => x.Count)),
            groups.GroupBy(g => g.Kind).ToDictionary(g => g.Key, g => g.Sum(x => x.Count)),
            mine);
    }
}
