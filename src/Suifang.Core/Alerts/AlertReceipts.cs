using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;

namespace Suifang.Core.Alerts;

/// What staff do with an alert: the page that showed the banner records the screen delivery; 知道了 (or opening the
/// to-do) acknowledges it — the first acknowledgement counts for time to acknowledge and stops the escalation.
public static class AlertReceipts
{
    public static async Task RecordScreenAsync(SuifangDbContext db, long todoId, string userId, DateTime at, CancellationToken ct)
    {
        var todo = await db.Todos.AsNoTracking().Where(t => t.Id == todoId).Select(t => new { t.HospitalId, t.DepartmentId }).FirstOrDefaultAsync(ct);
        if (todo is null)
            return;
        db.AlertDeliveries.Add(new AlertDelivery
        {
            TodoId = todoId, HospitalId = todo.HospitalId, DepartmentId = todo.DepartmentId, Channel = AlertChannel.Screen,
            RecipientUserId = userId, At = at, Status = AlertDeliveryStatus.Delivered, Detail = "已在页面上显示",
        });
        await db.SaveChangesAsync(ct);
    }

    /// Sets the first acknowledgement; true when this call was the first.
    public static async Task<bool> AcknowledgeAsync(SuifangDbContext db, long todoId, string userId, DateTime at, CancellationToken ct) =>
        await db.Todos.Where(t => t.Id == todoId && t.AcknowledgedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.AcknowledgedAt, at).SetProperty(t => t.AcknowledgedBy, userId)
                .SetProperty(t => t.Version, t => t.Version + 1), ct) == 1;
}
