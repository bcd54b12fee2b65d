using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;

namespace Suifang.Core.Tasks.Engine;

/// A due task as the lease sees it: enough to order it, to apply the department shares and the patient guard.
public sealed record TaskCandidate(long Id, long PatientId, int DepartmentId, int Priority);

/// Reads a queue's due tasks in the order of its scheduling policy (7.2.2.1 a). Each policy reads from its own index,
/// so the cost does not grow with the backlog. Round-robin keeps a cursor: the department served last.
public static class TaskCandidates
{
    public static IQueryable<FollowUpTask> Due(SuifangDbContext db, string queue, DateTime now) =>
        db.Tasks.Where(t => t.Queue == queue && t.State == TaskState.Due && !t.Paused && t.NextAttemptAt <= now && t.LeaseOwner == null);

    /// Due tasks whose patient is not busy with another task (IX_Tasks_OneActivePerPatient answers each probe), so the
    /// patient guard costs no extra round trip and busy patients do not use up the rows read.
    public static IQueryable<FollowUpTask> Leasable(SuifangDbContext db, string queue, DateTime now) =>
        Due(db, queue, now).Where(t => !db.Tasks.Any(b => b.PatientId == t.PatientId && b.LeaseOwner != null));

    public static async Task<List<TaskCandidate>> ReadAsync(SuifangDbContext db, string queue, SchedulingPolicy policy,
        int take, DateTime now, RoundRobinCursor cursor, CancellationToken ct, IReadOnlyCollection<int>? exclude = null)
    {
        if (policy == SchedulingPolicy.RoundRobinDepartments)
            return await RoundRobinAsync(db, queue, now, take, cursor, exclude ?? [], ct);
        var due = Leasable(db, queue, now);
        if (exclude is { Count: > 0 })
            due = due.Where(t => !exclude.Contains(t.DepartmentId));
        var ordered = policy switch
        {
            SchedulingPolicy.ShortestJobFirst => due.OrderBy(t => t.ExpectedSeconds).ThenBy(t => t.NextAttemptAt),
            SchedulingPolicy.Priority => due.OrderByDescending(t => t.Priority).ThenBy(t => t.NextAttemptAt),
            SchedulingPolicy.EarliestDeadlineFirst => due.OrderBy(t => t.DueTo).ThenBy(t => t.NextAttemptAt),
            _ => due.OrderBy(t => t.NextAttemptAt),
        };
        return await Project(ordered.Take(take)).ToListAsync(ct);
    }

    /// Emergency mode (7.2.2.2 d): the Critical tasks, most urgent first, read before the policy's order.
    public static Task<List<TaskCandidate>> CriticalAsync(SuifangDbContext db, string queue, int take, DateTime now, CancellationToken ct) =>
        Project(Leasable(db, queue, now).Where(t => t.Priority >= TaskPriority.Critical)
            .OrderByDescending(t => t.Priority).ThenBy(t => t.NextAttemptAt).Take(take)).ToListAsync(ct);

    /// One department after another, starting after the one served last; each department's own tasks oldest first.
    /// The heads of every department are read in one UNION ALL of small per-department queries (each an index seek on
    /// IX_Tasks_Due_Department), not one round trip per department, and merged in memory.
    private static async Task<List<TaskCandidate>> RoundRobinAsync(SuifangDbContext db, string queue, DateTime now, int take,
        RoundRobinCursor cursor, IReadOnlyCollection<int> exclude, CancellationToken ct)
    {
        var all = (await db.Departments.AsNoTracking().Select(d => d.Id).OrderBy(id => id).ToListAsync(ct)).Where(d => !exclude.Contains(d)).ToList();
        var order = all.Where(d => d > cursor.LastDepartmentId).Concat(all.Where(d => d <= cursor.LastDepartmentId)).ToList();
        if (order.Count == 0)
            return [];
        // Enough rows of each department for its turns when all have tasks; more only for departments that had that many
        // while the round came up short (few departments with tasks).
        var per = (take + order.Count - 1) / order.Count + 1;
        var heads = await HeadsAsync(db, queue, now, order, per, ct);
        var full = order.Where(d => heads[d].Count == per).ToList();
        if (full.Count > 0 && heads.Values.Sum(l => l.Count) < take)
            foreach (var (department, rows) in await HeadsAsync(db, queue, now, full, take, ct))
                heads[department] = rows;
        var result = new List<TaskCandidate>();
        for (var round = 0; result.Count < take; round++)
        {
            var added = false;
            foreach (var department in order)
            {
                if (round < heads[department].Count && result.Count < take)
                {
                    result.Add(heads[department][round]);
                    added = true;
                }
            }
            if (!added)
                break;
        }
        return result;
    }

    /// The first `per` leasable tasks of each department: one UNION ALL of per-department index seeks, in SQL written
    /// here (the same conditions as Leasable) because a LINQ union of dozens of parts costs EF more to prepare than the
    /// database to run.
    private static async Task<Dictionary<int, List<TaskCandidate>>> HeadsAsync(SuifangDbContext db, string queue, DateTime now,
        List<int> departments, int per, CancellationToken ct)
    {
        var heads = departments.ToDictionary(d => d, _ => new List<TaskCandidate>());
        foreach (var chunk in departments.Chunk(100))
        {
            // PostgreSQL: one LATERAL join over the department ids, planned once whatever their number; SQLite (no
            // LATERAL): a UNION ALL of one LIMITed query per department.
            var parts = db.Database.IsNpgsql() ? [string.Create(CultureInfo.InvariantCulture, $"""
                SELECT h.* FROM unnest(@departments) AS d(id) CROSS JOIN LATERAL (
                    SELECT t."Id", t."PatientId", t."DepartmentId", t."Priority", t."NextAttemptAt" FROM "Tasks" t
                    WHERE t."Queue" = @queue AND t."State" = {(int)TaskState.Due} AND NOT t."Paused" AND t."DepartmentId" = d.id
                      AND t."NextAttemptAt" <= @now AND t."LeaseOwner" IS NULL
                      AND NOT EXISTS (SELECT 1 FROM "Tasks" b WHERE b."PatientId" = t."PatientId" AND b."LeaseOwner" IS NOT NULL)
                    ORDER BY t."NextAttemptAt" LIMIT {per}) h
                """)] : chunk.Select(d => string.Create(CultureInfo.InvariantCulture, $"""
                SELECT * FROM (SELECT t."Id", t."PatientId", t."DepartmentId", t."Priority", t."NextAttemptAt" FROM "Tasks" t
                WHERE t."Queue" = @queue AND t."State" = {(int)TaskState.Due} AND NOT t."Paused" AND t."DepartmentId" = {d}
                  AND t."NextAttemptAt" <= @now AND t."LeaseOwner" IS NULL
                  AND NOT EXISTS (SELECT 1 FROM "Tasks" b WHERE b."PatientId" = t."PatientId" AND b."LeaseOwner" IS NOT NULL)
                ORDER BY t."NextAttemptAt" LIMIT {per}) AS d{d}
                """)).ToArray();
            await using var cmd = await TaskSql.CommandAsync(db, string.Join("\nUNION ALL\n", parts), ct);
            if (db.Database.IsNpgsql())
                TaskSql.Add(cmd, "departments", chunk);
            TaskSql.Add(cmd, "queue", queue);
            TaskSql.Add(cmd, "now", now);
            var rows = new List<(TaskCandidate Candidate, DateTime At)>();
            await using (var reader = await cmd.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct))
                    rows.Add((new TaskCandidate(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt32(2), reader.GetInt32(3)), reader.GetDateTime(4)));
            // A UNION ALL promises no order across its parts: each department's rows are put in order here.
            foreach (var (candidate, _) in rows.OrderBy(r => r.At).ThenBy(r => r.Candidate.Id))
                heads[candidate.DepartmentId].Add(candidate);
        }
        return heads;
    }

    private static IQueryable<TaskCandidate> Project(IQueryable<FollowUpTask> q) =>
        q.Select(t => new TaskCandidate(t.Id, t.PatientId, t.DepartmentId, t.Priority));
}

/// The department a round-robin queue served last; kept by the dispatcher per queue.
public sealed class RoundRobinCursor
{
    public int LastDepartmentId { get; set; } = int.MinValue;
}
