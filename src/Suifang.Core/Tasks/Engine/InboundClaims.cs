using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Pathways;

namespace Suifang.Core.Tasks.Engine;

/// 呼入: a patient who missed our call calls back. Their open AI-call task (waiting for a redial, or due) is leased to
/// the inbound line the same way the dispatcher leases: one guarded UPDATE (still waiting, not paused, nobody's lease),
/// and the unique index IX_Tasks_OneActivePerPatient refuses it while another line is calling the patient. From then
/// on the dispatcher cannot dial the patient, and the task's attempt and effect key are written by TaskStarts as for
/// any call, so a crash never calls the patient twice (the resumed attempt finds the call under its key).
public static class InboundClaims
{
    /// The patients' open AI-call tasks a call-back can continue, oldest window first, with whether each is held by a
    /// line right now (busy).
    public static async Task<List<InboundCandidate>> PendingAsync(SuifangDbContext db, IReadOnlyCollection<long> patientIds, CancellationToken ct) =>
        await db.Tasks.AsNoTracking().Open()
            .Where(t => patientIds.Contains(t.PatientId) && t.Channel == ChannelKind.AiCall && !t.Paused)
            .OrderBy(t => t.DueFrom).ThenBy(t => t.Id)
            .Select(t => new InboundCandidate(t.Id, t.PatientId, t.DepartmentId, t.LeaseOwner != null))
            .ToListAsync(ct);

    /// Leases the task to owner for the incoming call; false when it is no longer waiting or the patient is busy.
    public static async Task<bool> ClaimAsync(SuifangDbContext db, long taskId, string owner, DateTime now, TimeSpan leaseFor, CancellationToken ct)
    {
        // A Pending task (its redial time not come yet) becomes due now: the patient is on the line.
        TaskTransitions.Require(TaskState.Pending, TaskState.Due);
        TaskTransitions.Require(TaskState.Due, TaskState.Leased);
        var expires = now + leaseFor;
        try
        {
            var claimed = await db.Tasks
                .Where(t => t.Id == taskId && (t.State == TaskState.Pending || t.State == TaskState.Due) && !t.Paused && t.LeaseOwner == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.State, TaskState.Leased).SetProperty(t => t.LeaseOwner, owner)
                    .SetProperty(t => t.LeaseExpiresAt, expires).SetProperty(t => t.NextAttemptAt, now)
                    .SetProperty(t => t.Version, t => t.Version + 1).SetProperty(t => t.UpdatedAt, now), ct);
            return claimed == 1;
        }
        catch (DbException)
        {
            // IX_Tasks_OneActivePerPatient: another task of the patient holds a line.
            return false;
        }
    }
}

public sealed record InboundCandidate(long TaskId, long PatientId, int DepartmentId, bool Busy);
