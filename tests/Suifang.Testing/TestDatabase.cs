using Microsoft.EntityFrameworkCore;
using Npgsql;
using Suifang.Core.Data;

namespace Suifang.Testing;

/// A throwaway database on either provider. PostgreSQL comes from SUIFANG_TEST_PG (./test.sh starts one);
/// without it the PostgreSQL cases fail with a message that says how to run them, they are never skipped.
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "SUIFANG_TEST_PG";

    private TestDatabase(DatabaseProvider provider, string connectionString, string? dropName, string? directory)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _dropName = dropName;
        Directory = directory;
    }

    private readonly string? _dropName;

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    /// A scratch folder for the SQLite file and keys; also the data directory of a test host.
    public string? Directory { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var dir = Path.Combine(Path.GetTempPath(), "suifang-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(dir);
        if (provider == DatabaseProvider.Sqlite)
            return new TestDatabase(provider, $"Data Source={Path.Combine(dir, "suifang.db")}", null, dir);

        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
            throw new InvalidOperationException($"PostgreSQL tests need {PostgresVariable} (a connection string to a server where the user may create databases). Run ./test.sh, which starts a throwaway PostgreSQL.");
        var name = "suifang_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var conn = new NpgsqlConnection(server))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return new TestDatabase(provider, cs, name, dir);
    }

    /// A context on this database, migrated, with an actor set so that patient writes are audited.
    public async Task<SuifangDbContext> MigratedContextAsync()
    {
        var db = NewContext();
        await db.Database.MigrateAsync();
        return db;
    }

    public SuifangDbContext NewContext() => NewContext([]);

    /// A context whose commands pass through the given interceptors (a test that makes a write fail on purpose).
    public SuifangDbContext NewContext(params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors)
    {
        SuifangDbContext db = Provider == DatabaseProvider.Sqlite
            ? new SqliteSuifangDbContext(new DbContextOptionsBuilder<SqliteSuifangDbContext>().UseSuifangSqlite(ConnectionString).AddInterceptors(interceptors).Options)
            : new PostgresSuifangDbContext(new DbContextOptionsBuilder<PostgresSuifangDbContext>().UseNpgsql(ConnectionString).AddInterceptors(interceptors).Options);
        db.Actor = new Core.Audit.AuditActor("test-user", "测试用户", "127.0.0.1");
        return db;
    }

    public async ValueTask DisposeAsync()
    {
        if (_dropName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(Environment.GetEnvironmentVariable(PostgresVariable));
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_dropName} WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        if (Directory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
