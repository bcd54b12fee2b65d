using Suifang.Core.Pathways;
using Suifang.Core.Patients;
using Suifang.Core.Tasks;

namespace Suifang.Core.Plans.BuildPlan;

/// Per-plan choices (5.1.3): send now or at a set time, redials, SMS, and steps removed or moved before confirming.
public sealed record PlanOptions
{
    public DateTime? StartAt { get; init; }
    public int? Redials { get; init; }
    public int? RedialIntervalMinutes { get; init; }
    public bool SmsEnabled { get; init; } = true;
    public string? SmsTemplate { get; init; }

    /// Steps of the preview (by their Order, 1-based) the user removed.
    public IReadOnlySet<int> RemovedSteps { get; init; } = new HashSet<int>();

    /// Steps of the preview moved by a number of days (negative = earlier).
    public IReadOnlyDictionary<int, int> ShiftDays { get; init; } = new Dictionary<int, int>();
    public PlanSource Source { get; init; } = PlanSource.Manual;
    public string? CreatedBy { get; init; }
}

/// What the builder needs to know of the patient: who, whether any number can be called, and what is already planned.
public sealed record PlanPatient(long Id, int HospitalId, string Name, bool HasPhone)
{
    /// Encounter id + pathway key of the patient's open (scheduled or active) plans.
    public IReadOnlySet<(long? EncounterId, string PathwayKey)> OpenPlans { get; init; } = new HashSet<(long?, string)>();

    /// Days on which another plan already calls the patient (open AI or manual call tasks).
    public IReadOnlySet<DateOnly> CallDays { get; init; } = new HashSet<DateOnly>();

    /// Why the patient must not be contacted at all (passed away, on the do-not-contact list), when known.
    public string? DoNotContactReason { get; init; }
}

public sealed record PlanEncounter(long Id, int CampusId, int DepartmentId, VisitType VisitType, DateTime VisitAt, DateTime? DischargeAt)
{
    public static PlanEncounter Of(Encounter e) => new(e.Id, e.CampusId, e.DepartmentId, e.VisitType, e.VisitAt, e.DischargeAt);
}

/// One plan to build: a patient's encounter and the pathway versions (with their nodes) it follows.
public sealed record PlanRequest(PlanPatient Patient, PlanEncounter Encounter, IReadOnlyList<Pathway> Pathways, PlanOptions Options);

public enum PlanIssueKind
{
    /// The plan is not created.
    Refused = 1,
    /// Two things became one (steps, channels).
    Merged = 2,
    /// A step was moved to another day.
    Shifted = 3,
    /// A step was left out.
    Skipped = 4,
    /// A step was changed (e.g. manual calls only).
    Changed = 5,
}

/// One finding of the plan checks (7.2.1.2 c), in plain Chinese.
public sealed record PlanIssue(PlanIssueKind Kind, string Message);

/// The outcome of building one plan: the plan with its steps and first-channel tasks, or the reasons it was refused.
public sealed record PlanBuild(PlanRequest Request, FollowUpPlan? Plan, IReadOnlyList<FollowUpTask> Tasks, IReadOnlyList<PlanIssue> Issues)
{
    public bool Refused => Plan is null;

    public string RefusalText => string.Join("；", Issues.Where(i => i.Kind == PlanIssueKind.Refused).Select(i => i.Message));
}
