namespace Suifang.Core.ManualFollowUp;

/// One manual task's turn in the nurses' work queue (人工随访工作队列): written by the manual channel under the attempt's
/// effect key (unique, so a replayed effect adds nothing), claimed by one nurse at a time, closed by her record.
/// A task that goes again (not reached, call later) comes back with a new attempt and a new entry.
public sealed class ManualQueueEntry
{
    public long Id { get; set; }
    public long TaskId { get; set; }
    public int HospitalId { get; set; }
    public int DepartmentId { get; set; }
    public long PatientId { get; set; }
    public long? PlanId { get; set; }
    public long? PlanStepId { get; set; }
    public int AttemptNumber { get; set; }
    public required string EffectKey { get; set; }
    public int Priority { get; set; }

    /// The end of the follow-up window; past it the task is overdue (超期).
    public DateTime DueTo { get; set; }

    /// When the task stops waiting for a nurse and the step's next channel (or "unreached") takes over.
    public DateTime FallbackAt { get; set; }
    public DateTime CreatedAt { get; set; }

    /// The nurse on the phone (认领): nobody else may record while the claim holds; it lapses at ClaimExpiresAt.
    public string? ClaimedBy { get; set; }
    public string? ClaimedByName { get; set; }
    public DateTime? ClaimExpiresAt { get; set; }

    /// Set when a record closed the entry (the record points here: ManualRecord.EntryId, unique) or the task's next
    /// turn replaced it.
    public DateTime? ClosedAt { get; set; }

    public bool IsClaimedBy(string userId, DateTime now) => ClaimedBy == userId && ClaimExpiresAt > now;

    public bool IsClaimedByOther(string userId, DateTime now) => ClaimedBy is not null && ClaimedBy != userId && ClaimExpiresAt > now;
}
