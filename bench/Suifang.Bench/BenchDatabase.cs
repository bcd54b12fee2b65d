using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using Suifang.Core.Data;

namespace Suifang.Bench;

/// The database a benchmark runs on: a SQLite file under --data (default /tmp/suifang-bench), or a database
/// on the PostgreSQL server of --pg (default env SUIFANG_BENCH_PG, then SUIFANG_TEST_PG).
internal sealed class BenchDatabase
{
    private BenchDatabase(DatabaseProvider provider, string connectionString) =>
        (Provider, ConnectionString) = (provider, connectionString);

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    public static async Task<BenchDatabase> OpenAsync(BenchArgs args, string name)
    {
        var provider = args.Get("provider", "sqlite").ToLowerInvariant() switch
        {
            "sqlite" => DatabaseProvider.Sqlite,
            "postgres" or "postgresql" => DatabaseProvider.Postgres,
            var other => throw new ArgumentException($"--provider {other}: use sqlite or postgres"),
        };
        if (provider == DatabaseProvider.Sqlite)
        {
            var dir = args.Get("data", "/tmp/suifang-bench");
            Directory.CreateDirectory(dir);
            return new BenchDatabase(provider, $"Data Source={Path.Combine(dir, name + ".db")}");
        }
        var server = args.Get("pg", Environment.GetEnvironmentVariable("SUIFANG_BENCH_PG") ?? Environment.GetEnvironmentVariable("SUIFANG_TEST_PG") ?? "")
            is { Length: > 0 } s ? s : throw new ArgumentException("PostgreSQL: give --pg CONNECTION or set SUIFANG_BENCH_PG (tools/pg-throwaway.sh start DIR PORT prints one)");
        await using (var conn = new NpgsqlConnection(server))
        {
            await conn.OpenAsync();
            await using var exists = new NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{name}'", conn);
            if (await exists.ExecuteScalarAsync() is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
                await create.ExecuteNonQueryAsync();
            }
        }
        return new BenchDatabase(provider, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
    }

    /// Prints every SQL command with its duration when set (--sql): how to see which plan a slow kind needs.
    public bool LogSql { get; set; }

    public SuifangDbContext NewContext() => Provider == DatabaseProvider.Sqlite
        ? new SqliteSuifangDbContext(Log(new DbContextOptionsBuilder<SqliteSuifangDbContext>().UseSuifangSqlite(ConnectionString)).Options)
        : new PostgresSuifangDbContext(Log(new DbContextOptionsBuilder<PostgresSuifangDbContext>().UseNpgsql(ConnectionString)).Options);

    private DbContextOptionsBuilder<T> Log<T>(DbContextOptionsBuilder<T> options) where T : DbContext =>
        LogSql ? options.LogTo(Console.WriteLine, [RelationalEventId.CommandExecuted]).EnableSensitiveDataLogging() : options;

    public async Task ResetAsync()
    {
        // Pooled SQLite connections would keep the deleted file's WAL index, and the new file then fails with "disk I/O error".
        if (Provider == DatabaseProvider.Sqlite)
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using var db = NewContext();
        await db.Database.EnsureDeletedAsync();
        if (Provider == DatabaseProvider.Sqlite)
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        else
            NpgsqlConnection.ClearAllPools();
        await using var fresh = NewContext();
        await fresh.Database.MigrateAsync();
    }
}
