using Microsoft.EntityFrameworkCore;

namespace Suifang.Core.Data;

/// A long bulk write on SQLite (Excel import) keeps one connection open for its whole run, with a larger page cache
/// (16 MB instead of 2: the list indexes take rows at random places, and the pages they touch stay in memory until
/// the commit writes them once) and a checkpoint every 10,000 log pages instead of 1,000. No memory map while it writes:
/// a growing file read through the map counts every touched page in the process's working set (≈ 110 MB for 100,000 rows). When done it checkpoints
/// the log itself (so that no later request pays for the import's pages) and gives the connection back as it was.
internal sealed class SqliteBulkSession : IAsyncDisposable
{
    // The connection's defaults again (mmap_size as SqlitePragmas sets it on every connection).
    private const string Restore = "PRAGMA cache_size=-2000; PRAGMA wal_autocheckpoint=1000; PRAGMA mmap_size=268435456; PRAGMA wal_checkpoint(PASSIVE);";

    private readonly DbContext? _db;

    private SqliteBulkSession(DbContext? db) => _db = db;

    public static async Task<IAsyncDisposable> BeginAsync(DbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
            return new SqliteBulkSession(null);
        await db.Database.OpenConnectionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size=-16384; PRAGMA wal_autocheckpoint=10000; PRAGMA mmap_size=0;", ct);
        return new SqliteBulkSession(db);
    }

    public async ValueTask DisposeAsync()
    {
        if (_db is null)
            return;
        try
        {
            await _db.Database.ExecuteSqlRawAsync(Restore);
        }
        finally
        {
            await _db.Database.CloseConnectionAsync();
        }
    }
}
