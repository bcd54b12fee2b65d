using Suifang.Core.Pathways;

namespace Suifang.Core.Plans;

public enum PlanStatus
{
    /// Created to start at a set time (StartAt).
    Scheduled = 0,
    Active = 1,
    Completed = 2,
    /// Stopped with care, e.g. the patient passed away or withdrew consent.
    Stopped = 3,
    Cancelled = 4,
}

public enum PlanSource
{
    /// Created by a plan rule when the patient arrived from HIS, import or hand entry.
    Rule = 1,
    Manual = 2,
}

/// 随访计划 (5.1.3): one patient's follow-up from one encounter, built from one or more pathway versions.
public sealed class FollowUpPlan
{
    public long Id { get; set; }
    public int HospitalId { get; set; }
    public int CampusId { get; set; }
    public long PatientId { get; set; }
    public long? EncounterId { get; set; }
    public int DepartmentId { get; set; }
    public PlanStatus Status { get; set; } = PlanStatus.Active;
    public PlanSource Source { get; set; }

    /// The discharge or visit time the nodes count from.
    public DateTime AnchorTime { get; set; }

    /// Manual plans may start later ("send at a set time"); null means at once.
    public DateTime? StartAt { get; set; }

    /// Redial count and interval for calls, overriding the nodes' own when set.
    public int? Redials { get; set; }
    public int? RedialIntervalMinutes { get; set; }
    public bool SmsEnabled { get; set; } = true;
    public string? SmsTemplate { get; set; }

    /// Why the plan looks as it does: which pathways were merged and how (7.2.3.2), one line per decision, in Chinese.
    /// Not a column: stored as a shared text (MergeNotesId, PlanContent); a plan read from the database has them only
    /// when read with them (Plans.MergeNotes.ReadAsync, as the plan page does).
    public List<string> MergeNotes { get; set; } = [];

    /// The PlanContent row holding MergeNotes (JSON); null when the plan has none.
    public long? MergeNotesId { get; set; }

    public List<PlanPathway> Pathways { get; set; } = [];
    public List<PlanStep> Steps { get; set; } = [];

    /// The later steps not written as rows yet ("projected steps", see LaterSteps): JSON of their times, nodes and the
    /// plan's changes, made rows by UpcomingSteps when they come within StepTasks.Horizon. Null when there are none.
    public string? LaterSteps { get; set; }

    /// The earliest window start among LaterSteps while the plan is open (null when none are left or the plan has ended):
    /// what the materialisation job looks for.
    public DateTime? LaterStepsFrom { get; set; }

    /// 7.2.1.2 d / 7.4.3: E_p = needed steps / executed steps; P_p = steps with a correct result / executed steps.
    /// Filled when the plan completes.
    public double? PlanningEffectiveness { get; set; }
    public double? PlanningAccuracy { get; set; }

    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime? ClosedAt { get; set; }
    public string? ClosedReason { get; set; }
}

/// Which pathway versions a plan was built from.
public sealed class PlanPathway
{
    public long PlanId { get; set; }
    public int PathwayId { get; set; }
    public Pathway? Pathway { get; set; }
}
