using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Suifang.Core.Data;

namespace Suifang.Core.Plans.Automatic;

/// Plan creation on two cores: while batch N is written and committed on the caller's context, batch N+1 is read and
/// built on a second context (its own connection) on another thread. The batches are still written one after another,
/// in order, each in its own transaction; at most one prepared batch waits. When writing a batch fails, the preparation
/// is stopped, nothing after the failed batch is written, and the failure is thrown as before. When preparing fails,
/// the batches prepared before it are written first, then the failure is thrown (the same as reading the next batch
/// failing after the previous one was committed).
///
/// Pipelined only when the caller has no transaction open (an import's or a hand entry's plans must be read inside
/// their transaction, which a second connection would not see) and the context was configured with a connection string
/// to a database other connections can open; otherwise prepare and write alternate on the caller's context.
internal static class AutoPlanPipeline
{
    public static async Task RunAsync<T>(SuifangDbContext db, bool twoCores, Func<CancellationToken, IAsyncEnumerable<T>> sequential,
        Func<SuifangDbContext, CancellationToken, IAsyncEnumerable<T>> pipelined, Func<T, Task> write, CancellationToken ct)
    {
        await using var reader = twoCores ? SecondContext(db) : null;
        if (reader is null)
        {
            await foreach (var item in sequential(ct))
                await write(item);
            return;
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var ready = Channel.CreateBounded<T>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(async () =>
        {
            try
            {
                await foreach (var item in pipelined(reader, stop.Token))
                    await ready.Writer.WriteAsync(item, stop.Token);
                ready.Writer.TryComplete();
            }
            catch (Exception e)
            {
                ready.Writer.TryComplete(e);
            }
        }, CancellationToken.None);
        try
        {
            await foreach (var item in ready.Reader.ReadAllAsync(ct))
                await write(item);
        }
        catch
        {
            await stop.CancelAsync();
            await producer;   // never throws: its failure went into the channel
            throw;
        }
        await producer;
    }

    /// A context on the same database with its own connection, or null when the batches must stay on the caller's.
    internal static SuifangDbContext? SecondContext(SuifangDbContext db)
    {
        if (db.Database.CurrentTransaction is not null)
            return null;
        var options = db.GetService<IDbContextOptions>();
        var relational = options.Extensions.OfType<Microsoft.EntityFrameworkCore.Infrastructure.RelationalOptionsExtension>().FirstOrDefault();
        if (relational is null || relational.Connection is not null || string.IsNullOrEmpty(relational.ConnectionString)
            || (!db.Database.IsNpgsql() && InMemorySqlite(relational.ConnectionString)))
            return null;
        return (SuifangDbContext?)Activator.CreateInstance(db.GetType(), options);
    }

    private static bool InMemorySqlite(string connectionString)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        return builder.Mode == Microsoft.Data.Sqlite.SqliteOpenMode.Memory || builder.DataSource is ":memory:" or "";
    }
}
