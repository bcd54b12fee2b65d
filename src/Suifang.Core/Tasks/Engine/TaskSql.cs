using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Suifang.Core.Data;

namespace Suifang.Core.Tasks.Engine;

/// The engine's hot-path statements in plain SQL that both providers accept (UPDATE … RETURNING, multi-row INSERT),
/// run on the context's connection and inside its transaction. Ids are numbers made here and written into the text;
/// every other value is a parameter.
internal static class TaskSql
{
    private const int Leased = (int)TaskState.Leased;
    private const int Running = (int)TaskState.Running;

    /// Leased → Running for the given tasks still leased by owner; returns each started task's new attempt number.
    public static async Task<Dictionary<long, int>> StartAsync(SuifangDbContext db, IEnumerable<long> ids, string owner, DateTime now, CancellationToken ct)
    {
        await using var cmd = await CommandAsync(db, $"""
            UPDATE "Tasks" SET "State" = {Running}, "Attempts" = "Attempts" + 1, "LastAttemptNumber" = "LastAttemptNumber" + 1,
                "Version" = "Version" + 1, "UpdatedAt" = @now
            WHERE "Id" IN ({List(ids)}) AND "State" = {Leased} AND "LeaseOwner" = @owner
            RETURNING "Id", "LastAttemptNumber"
            """, ct);
        Add(cmd, "now", now);
        Add(cmd, "owner", owner);
        var started = new Dictionary<long, int>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            started[reader.GetInt64(0)] = reader.GetInt32(1);
        return started;
    }

    /// The open attempts of just-started tasks, in statements of up to 500 rows.
    public static async Task InsertAttemptsAsync(SuifangDbContext db, IReadOnlyList<TaskExecution> executions, DateTime now, CancellationToken ct)
    {
        foreach (var chunk in executions.Chunk(500))
        {
            var sql = new StringBuilder("""INSERT INTO "TaskAttempts" ("TaskId", "Number", "StartedAt", "EffectKey") VALUES """);
            for (var i = 0; i < chunk.Length; i++)
                sql.Append(CultureInfo.InvariantCulture, $"{(i > 0 ? ", " : "")}({chunk[i].Task.Id}, {chunk[i].AttemptNumber}, @now, @k{i})");
            await using var cmd = await CommandAsync(db, sql.ToString(), ct);
            Add(cmd, "now", now);
            for (var i = 0; i < chunk.Length; i++)
                Add(cmd, "k" + i.ToString(CultureInfo.InvariantCulture), chunk[i].EffectKey);
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    public static void CountTransitions(IEnumerable<string> queues, TaskState to)
    {
        foreach (var g in queues.GroupBy(q => q))
            Observability.SuifangMetrics.TaskTransitions.Add(g.Count(),
                new KeyValuePair<string, object?>("queue", g.Key), new KeyValuePair<string, object?>("to", to.ToString()));
    }

    public static string List(IEnumerable<long> ids) => string.Join(',', ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));

    public static async Task<DbCommand> CommandAsync(SuifangDbContext db, string sql, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return cmd;
    }

    public static void Add(DbCommand cmd, string name, object? value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        cmd.Parameters.Add(p);
    }
}
