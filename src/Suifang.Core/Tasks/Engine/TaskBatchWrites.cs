using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;

namespace Suifang.Core.Tasks.Engine;

/// Writes a finished batch in a few statements instead of one UPDATE per task and per attempt: the tracked tasks that
/// the outcomes changed go out in one UPDATE … FROM (VALUES …) per 500 rows, each row guarded by its original Version
/// (the same optimistic check SaveChanges makes: a task changed meanwhile is refused and the batch falls back to one
/// by one), and the attempts are closed in one UPDATE. Anything else the outcomes touched (steps, fallback tasks) is
/// left to SaveChanges in the same transaction.
internal static class TaskBatchWrites
{
    /// The columns a transition may change. A task with another property changed is left to SaveChanges.
    private static readonly HashSet<string> Columns =
    [
        nameof(FollowUpTask.State), nameof(FollowUpTask.Paused), nameof(FollowUpTask.Outcome), nameof(FollowUpTask.LastFailureReason),
        nameof(FollowUpTask.NextAttemptAt), nameof(FollowUpTask.Attempts), nameof(FollowUpTask.LastAttemptNumber),
        nameof(FollowUpTask.LeaseOwner), nameof(FollowUpTask.LeaseExpiresAt), nameof(FollowUpTask.FinishedAt),
        nameof(FollowUpTask.Version), nameof(FollowUpTask.UpdatedAt),
    ];

    public static async Task SaveTasksAsync(SuifangDbContext db, CancellationToken ct)
    {
        var entries = db.ChangeTracker.Entries<FollowUpTask>()
            .Where(e => e.State == EntityState.Modified && e.Properties.Where(p => p.IsModified).All(p => Columns.Contains(p.Metadata.Name)))
            .ToList();
        if (entries.Count == 0)
            return;
        var pg = db.Database.IsNpgsql();
        if (!pg)
        {
            await SaveTasksSqliteAsync(db, entries, ct);
            return;
        }
        foreach (var chunk in entries.Chunk(500))
        {
            var sql = new StringBuilder("WITH v(k_id, k_version, k_state, k_paused, k_outcome, k_reason, k_next, k_attempts, k_last, k_owner, k_expires, k_finished, k_new_version, k_updated) AS (VALUES ");
            var args = new List<(string, object?)>();
            for (var i = 0; i < chunk.Length; i++)
            {
                var t = chunk[i].Entity;
                var original = (int)chunk[i].Property(nameof(FollowUpTask.Version)).OriginalValue!;
                string P(string name, object? value, string type)
                {
                    var n = $"{name}{i}";
                    args.Add((n, value));
                    return pg ? $"CAST(@{n} AS {type})" : "@" + n;
                }
                sql.Append(CultureInfo.InvariantCulture, $"""
                    {(i > 0 ? ", " : "")}({t.Id}, {original}, {(int)t.State}, {Bool(t.Paused, pg)}, {P("o", t.Outcome, "text")}, {P("r", t.LastFailureReason, "text")},
                    {P("n", t.NextAttemptAt, "timestamp")}, {t.Attempts}, {t.LastAttemptNumber}, {P("w", t.LeaseOwner, "text")},
                    {P("e", t.LeaseExpiresAt, "timestamp")}, {P("f", t.FinishedAt, "timestamp")}, {t.Version}, {P("u", t.UpdatedAt, "timestamp")})
                    """);
            }
            sql.Append("""
                )
                UPDATE "Tasks" SET "State" = v.k_state, "Paused" = v.k_paused, "Outcome" = v.k_outcome, "LastFailureReason" = v.k_reason,
                    "NextAttemptAt" = v.k_next, "Attempts" = v.k_attempts, "LastAttemptNumber" = v.k_last, "LeaseOwner" = v.k_owner,
                    "LeaseExpiresAt" = v.k_expires, "FinishedAt" = v.k_finished, "Version" = v.k_new_version, "UpdatedAt" = v.k_updated
                FROM v WHERE "Tasks"."Id" = v.k_id AND "Tasks"."Version" = v.k_version
                RETURNING "Tasks"."Id"
                """);
            await using var cmd = await TaskSql.CommandAsync(db, sql.ToString(), ct);
            foreach (var (name, value) in args)
                TaskSql.Add(cmd, name, value);
            var updated = new HashSet<long>();
            await using (var reader = await cmd.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct))
                    updated.Add(reader.GetInt64(0));
            if (updated.Count != chunk.Length)
                throw new DbUpdateConcurrencyException($"{chunk.Length - updated.Count} task(s) changed since they were read");
        }
        foreach (var e in entries)
            e.State = EntityState.Unchanged;
    }

    /// SQLite: one prepared UPDATE executed per row inside the transaction (no round trips; re-binding a prepared
    /// statement is cheaper than compiling one statement with a VALUES list of thousands of parameters).
    private static async Task SaveTasksSqliteAsync(SuifangDbContext db, List<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<FollowUpTask>> entries, CancellationToken ct)
    {
        await using var cmd = await TaskSql.CommandAsync(db, """
            UPDATE "Tasks" SET "State" = @state, "Paused" = @paused, "Outcome" = @outcome, "LastFailureReason" = @reason,
                "NextAttemptAt" = @next, "Attempts" = @attempts, "LastAttemptNumber" = @last, "LeaseOwner" = @owner,
                "LeaseExpiresAt" = @expires, "FinishedAt" = @finished, "Version" = @newVersion, "UpdatedAt" = @updated
            WHERE "Id" = @id AND "Version" = @version
            """, ct);
        string[] names = ["state", "paused", "outcome", "reason", "next", "attempts", "last", "owner", "expires", "finished", "newVersion", "updated", "id", "version"];
        foreach (var name in names)
            TaskSql.Add(cmd, name, null);
        var changed = 0;
        foreach (var e in entries)
        {
            var t = e.Entity;
            object?[] values = [(int)t.State, t.Paused, t.Outcome, t.LastFailureReason, t.NextAttemptAt, t.Attempts, t.LastAttemptNumber,
                t.LeaseOwner, t.LeaseExpiresAt, t.FinishedAt, t.Version, t.UpdatedAt, t.Id, e.Property(nameof(FollowUpTask.Version)).OriginalValue];
            for (var i = 0; i < values.Length; i++)
                cmd.Parameters[i].Value = values[i] ?? DBNull.Value;
            changed += await cmd.ExecuteNonQueryAsync(ct);
        }
        if (changed != entries.Count)
            throw new DbUpdateConcurrencyException($"{entries.Count - changed} task(s) changed since they were read");
        foreach (var e in entries)
            e.State = EntityState.Unchanged;
    }

    /// Closes attempts: always when their task took the outcome, otherwise only if still open.
    public static async Task EndAttemptsAsync(SuifangDbContext db, IReadOnlyList<(TaskAttempt Attempt, bool Always)> attempts, CancellationToken ct)
    {
        var pg = db.Database.IsNpgsql();
        if (!pg)
        {
            await using var one = await TaskSql.CommandAsync(db, """
                UPDATE "TaskAttempts" SET "EndedAt" = @ended, "Outcome" = @outcome, "FailureReason" = @reason
                WHERE "EffectKey" = @key AND (@always = 1 OR "EndedAt" IS NULL)
                """, ct);
            foreach (var name in (string[])["ended", "outcome", "reason", "key", "always"])
                TaskSql.Add(one, name, null);
            foreach (var (a, always) in attempts)
            {
                object?[] values = [a.EndedAt, a.Outcome, a.FailureReason, a.EffectKey, always ? 1 : 0];
                for (var i = 0; i < values.Length; i++)
                    one.Parameters[i].Value = values[i] ?? DBNull.Value;
                await one.ExecuteNonQueryAsync(ct);
            }
            return;
        }
        foreach (var chunk in attempts.Chunk(500))
        {
            var sql = new StringBuilder("WITH v(k_key, k_always, k_ended, k_outcome, k_reason) AS (VALUES ");
            var args = new List<(string, object?)>();
            for (var i = 0; i < chunk.Length; i++)
            {
                var (a, always) = chunk[i];
                string P(string name, object? value, string type)
                {
                    var n = $"{name}{i}";
                    args.Add((n, value));
                    return pg ? $"CAST(@{n} AS {type})" : "@" + n;
                }
                sql.Append(CultureInfo.InvariantCulture,
                    $"{(i > 0 ? ", " : "")}({P("k", a.EffectKey, "text")}, {(always ? 1 : 0)}, {P("t", a.EndedAt, "timestamp")}, {P("o", a.Outcome, "text")}, {P("r", a.FailureReason, "text")})");
            }
            sql.Append("""
                )
                UPDATE "TaskAttempts" SET "EndedAt" = v.k_ended, "Outcome" = v.k_outcome, "FailureReason" = v.k_reason
                FROM v WHERE "TaskAttempts"."EffectKey" = v.k_key AND (v.k_always = 1 OR "TaskAttempts"."EndedAt" IS NULL)
                """);
            await using var cmd = await TaskSql.CommandAsync(db, sql.ToString(), ct);
            foreach (var (name, value) in args)
                TaskSql.Add(cmd, name, value);
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    private static string Bool(bool value, bool pg) => pg ? (value ? "TRUE" : "FALSE") : (value ? "1" : "0");
}
