using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;

namespace Suifang.Core.Tasks.Engine;

/// Every queue's settings as stored now; queues never configured get the defaults. Read on every dispatch round, so a
/// change of lines, policy or mode applies within a round on every node, without a restart.
public static class QueueSettings
{
    public static async Task<List<TaskQueueSetting>> LoadAsync(SuifangDbContext db, CancellationToken ct)
    {
        var stored = await db.TaskQueueSettings.AsNoTracking().ToListAsync(ct);
        return TaskQueueSetting.AllQueues.Select(q => stored.FirstOrDefault(s => s.Queue == q) ?? TaskQueueSetting.Default(q))
            .Concat(stored.Where(s => !TaskQueueSetting.AllQueues.Contains(s.Queue))).ToList();
    }

    /// The stored row for a queue, created with the defaults when missing (tracked, to be changed and saved).
    public static async Task<TaskQueueSetting> ForChangeAsync(SuifangDbContext db, string queue, CancellationToken ct)
    {
        var setting = await db.TaskQueueSettings.FirstOrDefaultAsync(s => s.Queue == queue, ct);
        if (setting is null)
        {
            setting = TaskQueueSetting.Default(queue);
            db.TaskQueueSettings.Add(setting);
        }
        return setting;
    }
}
