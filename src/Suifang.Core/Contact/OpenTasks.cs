using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Plans;
using Suifang.Core.Tasks;

namespace Suifang.Core.Contact;

/// Stops contact at once when a patient goes on the do-not-call list or withdraws consent. Tasks not yet leased
/// (pending, due) are cancelled here; a leased task is refused by the gate before its channel acts, and one already
/// running finishes its single attempt. Each cancelled task's Version is bumped like any other transition.
public static class OpenTasks
{
    public static Task<int> CancelForPatientsAsync(SuifangDbContext db, IReadOnlyCollection<long> patientIds, string reason, DateTime now, CancellationToken ct)
    {
        var outcome = reason.Length > 256 ? reason[..256] : reason;
        var ids = patientIds.ToArray();
        return db.Tasks.Where(t => ids.Contains(t.PatientId) && (t.State == TaskState.Pending || t.State == TaskState.Due))
            .ExecuteUpdateAsync(s => s
                .SetProperty(t => t.State, TaskState.Cancelled)
                .SetProperty(t => t.Outcome, outcome)
                .SetProperty(t => t.FinishedAt, now)
                .SetProperty(t => t.UpdatedAt, now)
                .SetProperty(t => t.Version, t => t.Version + 1), ct);
    }

    /// Active and scheduled plans of the patient → Stopped with the reason.
    public static Task<int> StopPlansAsync(SuifangDbContext db, long patientId, string reason, DateTime now, CancellationToken ct)
    {
        var closed = reason.Length > 256 ? reason[..256] : reason;
        return db.Plans.Where(p => p.PatientId == patientId && (p.Status == PlanStatus.Active || p.Status == PlanStatus.Scheduled))
            .ExecuteUpdateAsync(s => s
                .SetProperty(p => p.Status, PlanStatus.Stopped)
                .SetProperty(p => p.ClosedAt, now)
                .SetProperty(p => p.ClosedReason, closed), ct);
    }
}
