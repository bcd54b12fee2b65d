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
        var due = Leasable(db, queue, now);
        if (exclude is { Count: > 0 })
            due = due.Where(t => !exclude.Contains(t.DepartmentId));
        if (policy == SchedulingPolicy.RoundRobinDepartments)
            return await RoundRobinAsync(due, take, cursor, ct);
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
    private static async Task<List<TaskCandidate>> RoundRobinAsync(IQueryable<FollowUpTask> due, int take, RoundRobinCursor cursor, CancellationToken ct)
    {
        var perDepartment = new List<List<TaskCandidate>>();
        var after = cursor.LastDepartmentId;
        var wrapped = false;
        while (perDepartment.Count < take)
        {
            var from = after;
            var rows = await Project(due.Where(t => t.DepartmentId > from).OrderBy(t => t.DepartmentId).ThenBy(t => t.NextAttemptAt).Take(take)).ToListAsync(ct);
            if (rows.Count == 0)
            {
                if (wrapped || after == int.MinValue)
                    break;
                wrapped = true;
                after = int.MinValue;
                continue;
            }
            var department = rows[0].DepartmentId;
            if (perDepartment.Count > 0 && perDepartment[0][0].DepartmentId == department)
                break; // around once
            perDepartment.Add(rows.Where(r => r.DepartmentId == department).ToList());
            after = department;
        }
        var result = new List<TaskCandidate>();
        for (var round = 0; result.Count < take; round++)
        {
            var added = false;
            foreach (var list in perDepartment.Where(l => round < l.Count))
            {
                result.Add(list[round]);
                added = true;
            }
            if (!added)
                break;
        }
        return result;
    }

    private static IQueryable<TaskCandidate> Project(IQueryable<FollowUpTask> q) =>
        q.Select(t => new TaskCandidate(t.Id, t.PatientId, t.DepartmentId, t.Priority));
}

/// The department a round-robin queue served last; kept by the dispatcher per queue.
public sealed class RoundRobinCursor
{
    public int LastDepartmentId { get; set; } = int.MinValue;
}
