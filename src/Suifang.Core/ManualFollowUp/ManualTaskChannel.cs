using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Tasks;

namespace Suifang.Core.ManualFollowUp;

/// 人工随访通道 (5.1.4): a manual task is not carried out by a machine; the channel puts it into the nurses' work queue
/// and the task waits (TaskOutcome.Waiting) until a nurse's record completes it (TaskMaintenance.AnswerAsync), schedules
/// the next try, or FallbackAt passes. The queue entry is written under the attempt's effect key (unique): executed again
/// with the same key (a task resumed after a crash) it finds the entry and answers the same, adding nothing.
public sealed class ManualTaskChannel(Func<SuifangDbContext> newContext, Func<DateTime> now) : ITaskChannel
{
    public const string InQueue = "已进入人工随访队列，等待护士拨打";

    /// The shortest time a manual task waits for a nurse before it falls back.
    public static readonly TimeSpan MinimumWait = TimeSpan.FromHours(4);

    /// How long past the end of its window a manual task stays in the queue (shown as overdue, 超期) for a late call.
    public static readonly TimeSpan OverdueGrace = TimeSpan.FromDays(1);

    public ChannelKind Kind => ChannelKind.Manual;

    public async Task<TaskOutcome> ExecuteAsync(TaskExecution execution, CancellationToken ct)
    {
        await using var db = newContext();
        var existing = await db.ManualQueue.AsNoTracking().FirstOrDefaultAsync(e => e.EffectKey == execution.EffectKey, ct);
        if (existing is not null)
            return TaskOutcome.Waiting(existing.FallbackAt, InQueue);
        var task = execution.Task;
        var at = now();
        var entry = new ManualQueueEntry
        {
            TaskId = task.Id, HospitalId = task.HospitalId, DepartmentId = task.DepartmentId, PatientId = task.PatientId,
            PlanId = task.PlanId, PlanStepId = task.PlanStepId, AttemptNumber = execution.AttemptNumber, EffectKey = execution.EffectKey,
            Priority = task.Priority, DueTo = task.DueTo, FallbackAt = FallbackAt(task, at), CreatedAt = at,
        };
        // An earlier turn of the same task (not reached, call later) leaves the queue when the next one enters it.
        await db.ManualQueue.Where(e => e.TaskId == task.Id && e.ClosedAt == null && e.EffectKey != execution.EffectKey)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ClosedAt, at), ct);
        db.ManualQueue.Add(entry);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another node wrote the same effect at the same moment: its entry stands.
            await using var again = newContext();
            var first = await again.ManualQueue.AsNoTracking().FirstAsync(e => e.EffectKey == execution.EffectKey, ct);
            return TaskOutcome.Waiting(first.FallbackAt, InQueue);
        }
        return TaskOutcome.Waiting(entry.FallbackAt, InQueue);
    }

    /// The channel's waiting time when the pathway sets one, else the end of the follow-up window and a day's grace for
    /// a late call (overdue); never less than MinimumWait, so a nurse always has time to call.
    public static DateTime FallbackAt(FollowUpTask task, DateTime now)
    {
        var channel = task.Step is { } s && task.ChannelIndex < s.Content.Channels.Count ? s.Content.Channels[task.ChannelIndex] : null;
        var until = channel is { FallbackAfterHours: > 0 } ? now.AddHours(channel.FallbackAfterHours) : task.DueTo + OverdueGrace;
        return until < now + MinimumWait ? now + MinimumWait : until;
    }
}
