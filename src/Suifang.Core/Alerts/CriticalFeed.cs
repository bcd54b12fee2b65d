using Suifang.Core.Security;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Todos;

namespace Suifang.Core.Alerts;

/// 预警监视: reads new to-dos by id watermark, whichever process wrote them, and publishes each critical one once to the
/// notifier (7.2.5.1 a). It waits for the dispatcher to have handled a fresh to-do (rule tuning may change its
/// urgency or mute it; assignment names the nurse), and re-reads a few ids behind the watermark because a transaction
/// that took an id earlier may commit later.
public sealed class CriticalFeed(Func<SuifangDbContext> newContext, AlertNotifier notifier, Func<DateTime> now)
{
    public const int BatchSize = 200;
    public const int LookBack = 20;

    /// A to-do the dispatcher has not handled after this long is passed over (the dispatcher is off in this process).
    public static readonly TimeSpan WaitForDispatcher = TimeSpan.FromSeconds(30);

    private readonly HashSet<long> _published = [];
    private long? _watermark;

    public long Watermark => _watermark ?? 0;

    /// Starts from the newest to-do: what was raised before this process started is on the to-do list, not a banner.
    public async Task StartAsync(CancellationToken ct)
    {
        await using var db = newContext();
        _watermark = await db.Todos.MaxAsync(t => (long?)t.Id, ct) ?? 0;
    }

    public async Task<int> PollAsync(CancellationToken ct)
    {
        if (_watermark is null)
            await StartAsync(ct);
        await using var db = newContext();
        var from = _watermark!.Value - LookBack;
        var rows = await db.Todos.AsNoTracking().Where(t => t.Id > from).OrderBy(t => t.Id).Take(BatchSize)
            .Select(t => new { t.Id, t.DepartmentId, t.PatientId, t.Urgency, t.Status, t.Reason, t.CreatedAt, t.AlertedAt, t.AssignedToUserId })
            .ToListAsync(ct);
        var t0 = now();
        var published = 0;
        foreach (var row in rows)
        {
            var handled = row.AlertedAt is not null;
            if (!handled && t0 - row.CreatedAt < WaitForDispatcher)
            {
                if (row.Id > _watermark)
                    break;
                continue;
            }
            if (handled && row.Urgency == TodoUrgency.Critical && row.Status == TodoStatus.Open && _published.Add(row.Id))
            {
                var names = await db.Patients.IgnoreQueryFilters().Where(p => p.Id == row.PatientId).Select(p => p.Name).FirstOrDefaultAsync(ct) ?? "";
                var department = await db.Departments.Where(d => d.Id == row.DepartmentId).Select(d => d.Name).FirstOrDefaultAsync(ct) ?? "";
                await notifier.PublishAsync(new AlertNotice(row.Id, row.DepartmentId, department, Masking.MaskName(names), row.Reason,
                    row.CreatedAt, row.AssignedToUserId));
                published++;
            }
            if (row.Id > _watermark)
                _watermark = row.Id;
        }
        _published.RemoveWhere(id => id <= _watermark - LookBack);
        return published;
    }
}
