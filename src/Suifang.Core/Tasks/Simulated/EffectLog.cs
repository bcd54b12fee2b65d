using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Tasks.Engine;

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
        catch (Exception ex)
        {
            foreach (var entry in batch)
                entry.Done.TrySetException(ex);
        }
    }

    /// New keys go in with one INSERT … ON CONFLICT DO NOTHING (a key already recorded, here or by another node at
    /// the same moment, is left alone and becomes a replay); replays and ends update the stored effect.
    private async Task WriteBatchAsync(List<Entry> batch)
    {
        await using var db = newContext();
        await using var tx = await db.Database.BeginTransactionAsync();
        var inserted = await InsertNewAsync(db, batch.Where(e => e.Proposed is not null).Select(e => e.Proposed!).DistinctBy(p => p.EffectKey).ToList());
        var results = new List<(Entry Entry, SimulatedEffect Effect)>(batch.Count);
        var rest = new List<Entry>();
        foreach (var entry in batch)
        {
            if (entry.Proposed is not null && inserted.Remove(entry.Key))
                results.Add((entry, entry.Proposed));
            else
                rest.Add(entry);
        }
        if (rest.Count > 0)
        {
            var keys = rest.Select(e => e.Key).Distinct().ToList();
            var known = await db.SimulatedEffects.Where(e => keys.Contains(e.EffectKey)).ToDictionaryAsync(e => e.EffectKey);
            var at = now();
            foreach (var entry in rest)
            {
                if (!known.TryGetValue(entry.Key, out var effect))
                {
                    entry.Done.TrySetException(new InvalidOperationException($"模拟通道：没有效果 {entry.Key} 的记录。"));
                    continue;
                }
                if (entry.Proposed is not null)
                {
                    effect.Replays++;
                    effect.EndedAt ??= at; // a resumed effect whose end was never recorded
                }
                else
                {
                    effect.EndedAt ??= at; // the end of an effect that took time
                }
                results.Add((entry, effect));
            }
            await db.SaveChangesAsync();
        }
        await tx.CommitAsync();
        foreach (var (entry, effect) in results)
            entry.Done.TrySetResult(effect);
    }

    private static async Task<HashSet<string>> InsertNewAsync(SuifangDbContext db, List<SimulatedEffect> effects)
    {
        var inserted = new HashSet<string>();
        foreach (var chunk in effects.Chunk(500))
        {
            var sql = new StringBuilder("""
                INSERT INTO "SimulatedEffects" ("EffectKey", "TaskId", "PatientId", "AttemptNumber", "Channel", "Outcome", "Summary", "StartedAt", "EndedAt", "Replays")
                VALUES
                """);
            for (var i = 0; i < chunk.Length; i++)
            {
                var e = chunk[i];
                sql.Append(CultureInfo.InvariantCulture,
                    $"{(i > 0 ? "," : "")} (@k{i}, {e.TaskId}, {e.PatientId}, {e.AttemptNumber}, {(int)e.Channel}, {(int)e.Outcome}, @s{i}, @b{i}, @e{i}, {e.Replays})");
            }
            sql.Append(""" ON CONFLICT ("EffectKey") DO NOTHING RETURNING "EffectKey" """);
            await using var cmd = await TaskSql.CommandAsync(db, sql.ToString(), CancellationToken.None);
            for (var i = 0; i < chunk.Length; i++)
            {
                var n = i.ToString(CultureInfo.InvariantCulture);
                TaskSql.Add(cmd, "k" + n, chunk[i].EffectKey);
                TaskSql.Add(cmd, "s" + n, chunk[i].Summary);
                TaskSql.Add(cmd, "b" + n, chunk[i].StartedAt);
                TaskSql.Add(cmd, "e" + n, chunk[i].EndedAt);
            }
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                inserted.Add(reader.GetString(0));
        }
        return inserted;
    }

    private sealed record Entry(string Key, SimulatedEffect? Proposed, TaskCompletionSource<SimulatedEffect> Done)
    {
        public Entry(string key, SimulatedEffect? proposed) : this(key, proposed, new(TaskCreationOptions.RunContinuationsAsynchronously)) { }
    }
}
