using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Suifang.Core.Data;

/// Per-connection SQLite settings. journal_mode=WAL is stored in the database file (set at start-up);
/// these last only as long as a connection, so each opened connection gets them.
/// synchronous=NORMAL: under WAL a commit no longer waits for an fsync of the log (only checkpoints do),
/// which roughly halves the cost of each batch commit; a process crash still loses nothing committed,
/// only a power loss can lose the last commits (never corrupts the file).
/// temp_store=MEMORY: sorts and temporary b-trees (index builds, json_each look-ups) stay off the disk.
/// mmap_size=256 MB: pages are read through a memory map instead of being copied into each connection's cache; a pooled
/// connection's cache is dropped whenever another connection wrote, so under many small write transactions (the task
/// dispatcher) this saves most of the re-reading. Address space only; nothing is allocated up front.
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY; PRAGMA mmap_size=268435456;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

public static class SqliteOptionsExtensions
{
    /// UseSqlite with Suifang's connection settings (see SqlitePragmas): the app, tests and benchmarks share them.
    public static DbContextOptionsBuilder<T> UseSuifangSqlite<T>(this DbContextOptionsBuilder<T> options, string connectionString) where T : DbContext =>
        options.UseSqlite(connectionString).AddInterceptors(SqlitePragmas.Instance);

    public static DbContextOptionsBuilder UseSuifangSqlite(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString).AddInterceptors(SqlitePragmas.Instance);
}
