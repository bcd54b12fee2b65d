using Suifang.Core.Pathways;

namespace Suifang.Core.ManualFollowUp;

public enum ManualFormStatus
{
    Draft = 0,
    Published = 1,
    Archived = 2,
}

/// 人工随访模板 (5.1.4): the questions and options a nurse asks on the phone for one department (DepartmentId null = every
/// department of the hospital, e.g. the general discharge form). Questions use the shared question keys
/// (Pathways/Presets/question-vocabulary.json) where the meaning is the same, so the answers feed the same triggers and the
/// AI agent's memory. Versions of one form share a Key; a version used by a record is frozen (editing makes the next one).
public sealed class ManualFormTemplate
{
    public int Id { get; set; }
    public int HospitalId { get; set; }
    public int? DepartmentId { get; set; }

    /// Stable across versions, e.g. "psychiatry-follow-up"; a pathway node's ScriptKey may name it for manual steps.
    public required string Key { get; set; }
    public int Version { get; set; } = 1;
    public required string Name { get; set; }
    public string? Description { get; set; }
    public ManualFormStatus Status { get; set; }
    public List<NodeQuestion> Questions { get; set; } = [];

    /// Rules over the answers that raise to-dos (e.g. self-harm thoughts → critical), besides the plan step's own.
    public List<TriggerRule> Triggers { get; set; } = [];

    /// Shipped with Suifang (ManualFollowUp/Templates/*.json).
    public bool IsTemplate { get; set; }

    /// Set when the first record used this version: from then on it cannot change.
    public DateTime? FirstUsedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    /// Counts in-place edits: an editor that loaded revision 3 cannot overwrite revision 4 unseen.
    public int Revision { get; set; }

    public bool IsFrozen => FirstUsedAt is not null;
}
