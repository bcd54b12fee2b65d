using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Suifang.Core.Data;

namespace Suifang.Core.Tasks.Engine;

/// The task engine's steps for one worker (owner): lease, start, run the channel, finish. Each step takes a fresh
/// DbContext; the dispatcher composes them. Safe to crash between any two steps: a lease expires and the task returns or
/// resumes with its same effect key.
public sealed class TaskEngine(Func<SuifangDbContext> newContext, IContactGate gate, TaskChannelSet channels,
    Func<DateTime> now, TaskEngineOptions options, string owner, ILogger? log = null)
{
    private readonly ILogger _log = log ?? NullLogger.Instance;
    private readonly Dictionary<string, RoundRobinCursor> _cursors = [];

    public string Owner { get; } = owner;
    public Func<DateTime> Now { get; } = now;
    public TaskEngineOptions Options { get; } = options;

    public SuifangDbContext NewContext() => newContext();

    public async Task<List<long>> LeaseAsync(TaskQueueSetting queue, int max, CancellationToken ct)
    {
        if (max <= 0)
            return [];
        if (!_cursors.TryGetValue(queue.Queue, out var cursor))
            _cursors[queue.Queue] = cursor = new RoundRobinCursor();
        await using var db = newContext();
        return await TaskLeaser.LeaseAsync(db, queue, Owner, max, Now(), TimeSpan.FromSeconds(Options.LeaseSeconds), cursor, ct);
    }

    public async Task<List<TaskExecution>> StartAsync(IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        try
        {
            await using var db = newContext();
            return await TaskStarts.StartAsync(db, ids, Owner, gate, Now(), ct);
        }
        catch (DbUpdateConcurrencyException) when (ids.Count > 1)
        {
            // A task of the batch was changed meanwhile (cancelled, paused): start the others one by one.
            var started = new List<TaskExecution>();
            foreach (var id in ids)
                started.AddRange(await StartOneAsync(id, ct));
            return started;
        }
    }

    private async Task<List<TaskExecution>> StartOneAsync(long id, CancellationToken ct)
    {
        try
        {
            await using var db = newContext();
            return await TaskStarts.StartAsync(db, [id], Owner, gate, Now(), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            _log.LogInformation("Task {TaskId} changed while starting; left to its new state", id);
            return [];
        }
    }

    /// Runs the channel with the attempt's effect key, renewing the lease while it works. A channel that throws is
    /// taken as not having acted (the contract: a channel that acted reports an outcome).
    public async Task<TaskOutcome> RunAsync(TaskExecution execution, CancellationToken ct)
    {
        using var renewing = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var renewal = RenewWhileRunningAsync(execution.Task.Id, renewing.Token);
        try
        {
            return await channels.For(execution.Task.Channel).ExecuteAsync(execution, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            _log.LogWarning(ex, "Channel {Channel} failed on task {TaskId}", execution.Task.Channel, execution.Task.Id);
            return TaskOutcome.NotReached("通道出错：" + ex.Message);
        }
        finally
        {
            await renewing.CancelAsync();
            try { await renewal; } catch (OperationCanceledException) { }
        }
    }

    private async Task RenewWhileRunningAsync(long taskId, CancellationToken ct)
    {
        var every = TimeSpan.FromSeconds(Math.Max(1, Options.LeaseSeconds / 3.0));
        while (true)
        {
            await Task.Delay(every, ct);
            await using var db = newContext();
            var until = Now().AddSeconds(Options.LeaseSeconds);
            await db.Tasks.Where(t => t.Id == taskId && t.LeaseOwner == Owner)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LeaseExpiresAt, until), ct);
        }
    }

    /// Applies outcomes in one transaction; a task changed meanwhile (cancelled by hand, or its lease taken over) is
    /// applied alone, and skipped if it is no longer this worker's.
    public async Task FinishAsync(IReadOnlyList<(TaskExecution Execution, TaskOutcome Outcome)> results, CancellationToken ct)
    {
        if (results.Count == 0)
            return;
        try
        {
            await FinishBatchAsync(results, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            foreach (var r in results)
            {
                try { await FinishBatchAsync([r], ct); }
                catch (DbUpdateConcurrencyException)
                {
                    _log.LogInformation("Task {TaskId} changed while finishing; its outcome is kept on the attempt only", r.Execution.Task.Id);
                }
            }
        }
    }

    private async Task FinishBatchAsync(IReadOnlyList<(TaskExecution Execution, TaskOutcome Outcome)> results, CancellationToken ct)
    {
        await using var db = newContext();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ids = results.Select(r => r.Execution.Task.Id).ToList();
        var tasks = await db.Tasks.Include(t => t.Step).ThenInclude(s => s!.Node).Include(t => t.Plan).Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var now = Now();
        var attempts = new List<(TaskAttempt, bool)>(results.Count);
        foreach (var (execution, outcome) in results)
        {
            // The attempt row is closed by a set-based UPDATE below; ApplyAsync fills in its fields.
            var attempt = new TaskAttempt { TaskId = execution.Task.Id, Number = execution.AttemptNumber, EffectKey = execution.EffectKey };
            if (tasks.TryGetValue(execution.Task.Id, out var task) && task.State == TaskState.Running && task.LeaseOwner == Owner
                && task.LastAttemptNumber == execution.AttemptNumber)
            {
                await TaskOutcomes.ApplyAsync(db, task, attempt, outcome, now, ct);
                attempts.Add((attempt, true));
            }
            else
            {
                // No longer this worker's (cancelled, taken over): the outcome is kept on the attempt if it is still open.
                attempt.EndedAt = now;
                attempt.Outcome = outcome.Summary.Length > 256 ? outcome.Summary[..256] : outcome.Summary;
                attempt.FailureReason = outcome.FailureReason is { Length: > 256 } r ? r[..256] : outcome.FailureReason;
                attempts.Add((attempt, false));
            }
        }
        await TaskBatchWrites.SaveTasksAsync(db, ct);
        await TaskBatchWrites.EndAttemptsAsync(db, attempts, ct);
        await db.SaveChangesAsync(ct); // steps, fallback tasks, cancelled siblings not written above
        await tx.CommitAsync(ct);
    }
}
