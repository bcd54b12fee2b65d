using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;

namespace Suifang.Core.Tasks.Simulated;

/// The simulated channel's record of effects, written with group commit: the effects that many lines start at the same
/// moment are written in one transaction instead of one each (SQLite has one writer; 200 lines each committing alone wait
/// on each other). A caller returns only once its effect is committed, so "the effect happened" still means "it is
/// recorded under its key", and a key presented again (a resumed task) is a replay, never a second effect.
internal sealed class EffectLog(Func<SuifangDbContext> newContext, Func<DateTime> now)
{
    private const int MaxBatch = 1000;
    private readonly ConcurrentQueue<Entry> _queue = new();
    private readonly SemaphoreSlim _writer = new(1, 1);

    /// Records the effect under its key, or, when the key was seen before, counts a replay and returns the first effect.
    public Task<SimulatedEffect> RecordAsync(SimulatedEffect proposed) => SubmitAsync(new Entry(proposed.EffectKey, proposed));

    /// Marks an effect that took time as ended.
    public Task<SimulatedEffect> EndAsync(string effectKey) => SubmitAsync(new Entry(effectKey, null));

    private async Task<SimulatedEffect> SubmitAsync(Entry entry)
    {
        _queue.Enqueue(entry);
        // Let the other lines that start now queue their effects too (SQLite's "async" calls run synchronously, so
        // without this the first caller would write alone before the others got to enqueue).
        await Task.Yield();
        // Not cancellable: a write that is queued is carried out, so the caller's answer matches what is recorded.
        await _writer.WaitAsync(CancellationToken.None);
        try
        {
            if (!entry.Done.Task.IsCompleted)
            {
                var batch = new List<Entry>();
                while (batch.Count < MaxBatch && _queue.TryDequeue(out var next))
                    batch.Add(next);
                await WriteAsync(batch);
            }
        }
        finally
        {
            _writer.Release();
        }
        return await entry.Done.Task;
    }

    private async Task WriteAsync(List<Entry> batch)
    {
        try
        {
            await WriteBatchAsync(batch);
        }
        catch (DbUpdateException) when (batch.Count > 1)
        {
            // Another process wrote one of these keys at the same moment: each alone, so only that one becomes a replay.
            foreach (var entry in batch)
                await WriteAsync([entry]);
        }
        catch (DbUpdateException) when (batch[0].Proposed is not null)
        {
            await WriteBatchAsync([new Entry(batch[0].Key, null, batch[0].Done) { Replay = true }]);
        }
        catch (Exception ex)
        {
            foreach (var entry in batch)
                entry.Done.TrySetException(ex);
        }
    }

    private async Task WriteBatchAsync(List<Entry> batch)
    {
        await using var db = newContext();
        var keys = batch.Select(e => e.Key).Distinct().ToList();
        var known = await db.SimulatedEffects.Where(e => keys.Contains(e.EffectKey)).ToDictionaryAsync(e => e.EffectKey);
        var at = now();
        var results = new List<(Entry Entry, SimulatedEffect Effect)>(batch.Count);
        foreach (var entry in batch)
        {
            if (known.TryGetValue(entry.Key, out var effect))
            {
                if (entry.Proposed is not null || entry.Replay)
                    effect.Replays++;
                if (!entry.Replay)
                    effect.EndedAt ??= at; // a resumed effect whose end was never recorded, or the end of a long one
            }
            else if (entry.Proposed is { } proposed)
            {
                db.SimulatedEffects.Add(proposed);
                known[entry.Key] = effect = proposed;
            }
            else
            {
                entry.Done.TrySetException(new InvalidOperationException($"模拟通道：没有效果 {entry.Key} 的记录。"));
                continue;
            }
            results.Add((entry, effect));
        }
        await db.SaveChangesAsync();
        foreach (var (entry, effect) in results)
            entry.Done.TrySetResult(effect);
    }

    private sealed record Entry(string Key, SimulatedEffect? Proposed, TaskCompletionSource<SimulatedEffect> Done)
    {
        public Entry(string key, SimulatedEffect? proposed) : this(key, proposed, new(TaskCreationOptions.RunContinuationsAsynchronously)) { }

        /// The key was found written by another process while this one tried to insert it.
        public bool Replay { get; init; }
    }
}
