using Suifang.Core.Data;

namespace Suifang.Core.Tasks;

/// The contact rules every dispatch passes before a channel acts (5.2.2, 7.2.2): calling hours with holidays and
/// quiet periods, the per-patient daily cap, "no repeat call within X days", the do-not-call list and consent.
public interface IContactGate
{
    Task<ContactDecision> CheckAsync(SuifangDbContext db, FollowUpTask task, DateTime now, CancellationToken ct);
}

public abstract record ContactDecision
{
    public sealed record Allowed : ContactDecision;

    /// Not now: try again at Until (e.g. calling hours open at 09:00 tomorrow). Uses no attempt.
    public sealed record Postpone(DateTime Until, string Reason) : ContactDecision;

    /// Never for this task (do-not-call, consent withdrawn): the task is cancelled with Reason.
    public sealed record Refuse(string Reason) : ContactDecision;

    public static readonly ContactDecision Allow = new Allowed();
}
