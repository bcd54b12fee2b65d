using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;

namespace Suifang.Core.Tasks.Engine;

/// Leases up to N due tasks of a queue for one worker (7.2.2): expired leases come back first (a Leased task returns to
/// Due; a Running one is taken over to be resumed with its same attempt), then the policy's candidates are filtered by the
/// department shares and the one-patient-at-a-time guard, and claimed in one guarded UPDATE (SKIP LOCKED on PostgreSQL,
/// UPDATE OR IGNORE … RETURNING on SQLite). The unique index IX_Tasks_OneActivePerPatient makes the guard hold even
/// when two nodes race.
public static class TaskLeaser
{
    public static async Task<List<long>> LeaseAsync(SuifangDbContext db, TaskQueueSetting queue, string owner, int max,
        DateTime now, TimeSpan leaseFor, RoundRobinCursor cursor, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var expires = now + leaseFor;
        // SQLite: the whole lease is one write transaction (one commit instead of three; SQLite has one writer anyway).
        // PostgreSQL: each statement commits alone, so a unique violation in the claim does not abort the others.
        await using var tx = db.Database.IsSqlite() ? await db.Database.BeginTransactionAsync(ct) : null;
        List<long> leased;
        if (db.Database.IsNpgsql())
            leased = await TaskClaims.ReturnAndTakeOverPostgresAsync(db, queue.Queue, owner, expires, now, max, ct);
        else
        {
            await ReturnExpiredLeasesAsync(db, queue.Queue, now, ct);
            leased = await TaskClaims.TakeOverExpiredRunningAsync(db, queue.Queue, owner, expires, now, max, ct);
        }
        var free = max - leased.Count;
        if (free > 0)
        {
            var picked = await PickAsync(db, queue, free, now, cursor, ct);
            if (picked.Count > 0)
            {
                leased.AddRange(await TaskClaims.ClaimAsync(db, picked.Select(p => p.Id).ToList(), owner, expires, now, ct));
                if (queue.Policy == SchedulingPolicy.RoundRobinDepartments)
                    cursor.LastDepartmentId = picked[^1].DepartmentId;
            }
        }
        if (tx is not null)
            await tx.CommitAsync(ct);
        Observability.SuifangMetrics.TaskLeaseMilliseconds.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            new KeyValuePair<string, object?>("queue", queue.Queue));
        return leased;
    }

    /// A Leased task whose worker died before it started the effect goes back to Due (no attempt was written).
    public static async Task<int> ReturnExpiredLeasesAsync(SuifangDbContext db, string? queue, DateTime now, CancellationToken ct)
    {
        TaskTransitions.Require(TaskState.Leased, TaskState.Due);
        var q = db.Tasks.Where(t => t.LeaseOwner != null && t.LeaseExpiresAt < now && t.State == TaskState.Leased);
        if (queue is not null)
            q = q.Where(t => t.Queue == queue);
        return await q.ExecuteUpdateAsync(s => s
            .SetProperty(t => t.State, TaskState.Due)
            .SetProperty(t => t.LeaseOwner, (string?)null)
            .SetProperty(t => t.LeaseExpiresAt, (DateTime?)null)
            .SetProperty(t => t.Version, t => t.Version + 1)
            .SetProperty(t => t.UpdatedAt, now), ct);
    }

    /// Busy lines per department: tasks of the queue that hold a live lease, on any node.
    public static async Task<Dictionary<int, int>> BusyLinesAsync(SuifangDbContext db, string queue, DateTime now, CancellationToken ct) =>
        await db.Tasks.Where(t => t.Queue == queue && t.LeaseOwner != null && t.LeaseExpiresAt > now)
            .GroupBy(t => t.DepartmentId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);

    /// The candidates to claim: policy order (Critical first in emergency mode), at most one per patient and none of a
    /// patient who is busy elsewhere, and no department beyond its share while another department's tasks wait.
    public static async Task<List<TaskCandidate>> PickAsync(SuifangDbContext db, TaskQueueSetting queue, int take, DateTime now,
        RoundRobinCursor cursor, CancellationToken ct)
    {
        // Busy patients are left out by the query itself; reading more than take is for patients with two due tasks
        // and, with shares, for departments held back at their share.
        var read = queue.Shares.Count == 0 ? take + Math.Max(5, take / 10) : take * 3;
        var candidates = new List<TaskCandidate>();
        if (queue.EmergencyMode)
            candidates.AddRange(await TaskCandidates.CriticalAsync(db, queue.Queue, read, now, ct));
        var ordered = await TaskCandidates.ReadAsync(db, queue.Queue, queue.Policy, read, now, cursor, ct);
        candidates.AddRange(ordered.Where(c => candidates.All(x => x.Id != c.Id)));
        if (candidates.Count == 0)
            return candidates;

        // The candidates' patients are not busy elsewhere (TaskCandidates.Leasable); one task per patient of this lease.
        var busyPatients = new HashSet<long>();
        var holding = queue.Shares.Count == 0 ? [] : await BusyLinesAsync(db, queue.Queue, now, ct);
        var (picked, heldBack) = LineShares.Apply(queue, candidates.Where(c => busyPatients.Add(c.PatientId)), holding, take);
        if (heldBack.Count > 0 && picked.Count < take)
        {
            // Departments at their share wait while others have due tasks further down the order.
            var capped = heldBack.Select(h => h.DepartmentId).Distinct().ToList();
            var others = await TaskCandidates.ReadAsync(db, queue.Queue, queue.Policy, read, now, cursor, ct, exclude: capped);
            var more = LineShares.Apply(queue, others.Where(c => busyPatients.Add(c.PatientId)), holding, take - picked.Count);
            picked.AddRange(more.Picked);
            heldBack.AddRange(more.HeldBack);
        }
        // Nobody else waits: a department may go beyond its share rather than leave lines idle.
        picked.AddRange(heldBack.Take(take - picked.Count));
        return picked;
    }
}
