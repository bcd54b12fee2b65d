using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Suifang.Core.Data;

namespace Suifang.Core.Tasks.Engine;

/// The atomic part of a lease, in each provider's SQL. Each claimed row is re-checked in the UPDATE itself (still Due,
/// not paused, no owner), so a task is never given to two workers; the partial unique index on PatientId where a lease
/// is held refuses a second active task of one patient, even from another node.
internal static class TaskClaims
{
    private const int Due = (int)TaskState.Due;
    private const int Leased = (int)TaskState.Leased;
    private const int Running = (int)TaskState.Running;

    public static async Task<List<long>> ClaimAsync(SuifangDbContext db, List<long> ids, string owner, DateTime expires, DateTime now, CancellationToken ct)
    {
        TaskTransitions.Require(TaskState.Due, TaskState.Leased);
        if (db.Database.IsNpgsql())
        {
            try
            {
                return await ClaimPostgresAsync(db, ids, owner, expires, now, ct);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                // Another node leased a task of one of these patients at the same moment: claim one by one, skip those.
                var claimed = new List<long>();
                foreach (var id in ids)
                {
                    try { claimed.AddRange(await ClaimPostgresAsync(db, [id], owner, expires, now, ct)); }
                    catch (PostgresException one) when (one.SqlState == PostgresErrorCodes.UniqueViolation) { }
                }
                return claimed;
            }
        }
        // SQLite has one writer at a time; OR IGNORE skips a row the patient guard's unique index refuses.
        var list = string.Join(',', ids);
        return await db.Database.SqlQueryRaw<long>(Sql($"""
            UPDATE OR IGNORE "Tasks" SET "State" = {Leased}, "LeaseOwner" = @owner, "LeaseExpiresAt" = @expires,
                "Version" = "Version" + 1, "UpdatedAt" = @now
            WHERE "Id" IN ({list}) AND "State" = {Due} AND NOT "Paused" AND "LeaseOwner" IS NULL AND "NextAttemptAt" <= @now
            RETURNING "Id" AS "Value"
            """), Sqlite("owner", owner), Sqlite("expires", expires), Sqlite("now", now)).ToListAsync(ct);
    }

    private static Task<List<long>> ClaimPostgresAsync(SuifangDbContext db, List<long> ids, string owner, DateTime expires, DateTime now, CancellationToken ct) =>
        db.Database.SqlQueryRaw<long>(Sql($"""
            UPDATE "Tasks" t SET "State" = {Leased}, "LeaseOwner" = @owner, "LeaseExpiresAt" = @expires,
                "Version" = t."Version" + 1, "UpdatedAt" = @now
            FROM (SELECT "Id" FROM "Tasks" WHERE "Id" = ANY(@ids) AND "State" = {Due} AND NOT "Paused"
                  AND "LeaseOwner" IS NULL AND "NextAttemptAt" <= @now
                  ORDER BY "Id" FOR UPDATE SKIP LOCKED) p
            WHERE t."Id" = p."Id"
            RETURNING t."Id" AS "Value"
            """), new NpgsqlParameter("ids", ids.ToArray()), Pg("owner", owner), Pg("expires", expires), Pg("now", now)).ToListAsync(ct);

    /// A Running task whose worker died: the effect may have happened, so it is resumed, never restarted. The new
    /// worker takes the lease over; the task keeps its state and its open attempt (same effect key).
    public static async Task<List<long>> TakeOverExpiredRunningAsync(SuifangDbContext db, string queue, string owner, DateTime expires,
        DateTime now, int max, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
            return await db.Database.SqlQueryRaw<long>(Sql($"""
                UPDATE "Tasks" t SET "LeaseOwner" = @owner, "LeaseExpiresAt" = @expires, "Version" = t."Version" + 1, "UpdatedAt" = @now
                FROM (SELECT "Id" FROM "Tasks" WHERE "Queue" = @queue AND "LeaseOwner" IS NOT NULL AND "LeaseExpiresAt" < @now
                      AND "State" = {Running} AND NOT "Paused" ORDER BY "LeaseExpiresAt" LIMIT {max} FOR UPDATE SKIP LOCKED) p
                WHERE t."Id" = p."Id"
                RETURNING t."Id" AS "Value"
                """), Pg("queue", queue), Pg("owner", owner), Pg("expires", expires), Pg("now", now)).ToListAsync(ct);
        return await db.Database.SqlQueryRaw<long>(Sql($"""
            UPDATE "Tasks" SET "LeaseOwner" = @owner, "LeaseExpiresAt" = @expires, "Version" = "Version" + 1, "UpdatedAt" = @now
            WHERE "Id" IN (SELECT "Id" FROM "Tasks" WHERE "Queue" = @queue AND "LeaseOwner" IS NOT NULL AND "LeaseExpiresAt" < @now
                           AND "State" = {Running} AND NOT "Paused" ORDER BY "LeaseExpiresAt" LIMIT {max})
            RETURNING "Id" AS "Value"
            """), Sqlite("queue", queue), Sqlite("owner", owner), Sqlite("expires", expires), Sqlite("now", now)).ToListAsync(ct);
    }

    /// PostgreSQL, one round trip: the queue's expired Leased tasks go back to Due and its expired Running tasks are
    /// taken over (the same two statements as ReturnExpiredLeasesAsync and TakeOverExpiredRunningAsync, as one
    /// statement with two data-modifying parts; they touch different rows).
    public static async Task<List<long>> ReturnAndTakeOverPostgresAsync(SuifangDbContext db, string queue, string owner, DateTime expires,
        DateTime now, int max, CancellationToken ct)
    {
        TaskTransitions.Require(TaskState.Leased, TaskState.Due);
        return await db.Database.SqlQueryRaw<long>(Sql($"""
            WITH returned AS (
                UPDATE "Tasks" SET "State" = {Due}, "LeaseOwner" = NULL, "LeaseExpiresAt" = NULL, "Version" = "Version" + 1, "UpdatedAt" = @now
                WHERE "Queue" = @queue AND "LeaseOwner" IS NOT NULL AND "LeaseExpiresAt" < @now AND "State" = {Leased}
                RETURNING 1),
            taken AS (
                UPDATE "Tasks" t SET "LeaseOwner" = @owner, "LeaseExpiresAt" = @expires, "Version" = t."Version" + 1, "UpdatedAt" = @now
                FROM (SELECT "Id" FROM "Tasks" WHERE "Queue" = @queue AND "LeaseOwner" IS NOT NULL AND "LeaseExpiresAt" < @now
                      AND "State" = {Running} AND NOT "Paused" ORDER BY "LeaseExpiresAt" LIMIT {max} FOR UPDATE SKIP LOCKED) p
                WHERE t."Id" = p."Id"
                RETURNING t."Id")
            SELECT "Id" AS "Value" FROM taken
            """), Pg("queue", queue), Pg("owner", owner), Pg("expires", expires), Pg("now", now)).ToListAsync(ct);
    }

    /// The SQL text holds only numbers made here (states, a limit, ids); every outside value is a parameter.
    private static string Sql(string text) => text;

    private static SqliteParameter Sqlite(string name, object value) => new(name, value);

    private static NpgsqlParameter Pg(string name, object value) => new(name, value);
}
