using System.Collections.Concurrent;
using Suifang.Core.Data;

namespace Suifang.Core.Calls.Journal;

/// One write of a call: applies its changes to the shared context of a batch and returns what to report once the
/// batch is committed.
internal delegate Task<Func<object?>> JournalWrite(SuifangDbContext db, CancellationToken ct);

/// Group commit for the writes of many calls at once: the turns that hundreds of lines produce at the same moment go
/// into one transaction instead of one each (SQLite has one writer). A caller returns only once its write is committed,
/// so "said" means "stored". A batch that fails (e.g. another node wrote the same effect key) is retried write by write,
/// so one bad write fails alone.
internal sealed class GroupWriter(Func<SuifangDbContext> newContext)
{
    private const int MaxBatch = 500;
    private readonly ConcurrentQueue<Entry> _queue = new();
    private readonly SemaphoreSlim _writer = new(1, 1);

    public async Task<T> WriteAsync<T>(JournalWrite write)
    {
        var entry = new Entry(write);
        _queue.Enqueue(entry);
        await Task.Yield(); // let the other lines queue their writes before the first one takes the writer
        // Not cancellable: a queued write is carried out, so the caller's answer matches what is stored.
        await _writer.WaitAsync(CancellationToken.None);
        try
        {
            if (!entry.Done.Task.IsCompleted)
            {
                var batch = new List<Entry>();
                while (batch.Count < MaxBatch && _queue.TryDequeue(out var next))
                    batch.Add(next);
                await RunAsync(batch);
            }
        }
        finally
        {
            _writer.Release();
        }
        return (T)(await entry.Done.Task)!;
    }

    private async Task RunAsync(List<Entry> batch)
    {
        try
        {
            await CommitAsync(batch);
        }
        catch (Exception) when (batch.Count > 1)
        {
            foreach (var entry in batch)
            {
                try { await CommitAsync([entry]); }
                catch (Exception ex) { entry.Done.TrySetException(ex); }
            }
        }
        catch (Exception ex)
        {
            batch[0].Done.TrySetException(ex);
        }
    }

    private async Task CommitAsync(List<Entry> batch)
    {
        await using var db = newContext();
        db.Actor = CallJournal.Actor;
        await using var tx = await db.Database.BeginTransactionAsync(CancellationToken.None);
        var reports = new List<Func<object?>>(batch.Count);
        foreach (var entry in batch)
            reports.Add(await entry.Write(db, CancellationToken.None));
        await db.SaveChangesAsync(CancellationToken.None);
        await tx.CommitAsync(CancellationToken.None);
        for (var i = 0; i < batch.Count; i++)
            batch[i].Done.TrySetResult(reports[i]());
    }

    private sealed record Entry(JournalWrite Write)
    {
        public TaskCompletionSource<object?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
