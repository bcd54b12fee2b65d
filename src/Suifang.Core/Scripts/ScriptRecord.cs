namespace Suifang.Core.Scripts;

public enum ScriptStatus
{
    Draft = 0,
    Published = 1,
    Archived = 2,
}

/// What a script is for; the same names and numbers as the agent's ScriptPurpose (Core does not reference the agent).
public enum ScriptRecordPurpose
{
    Discharge = 1,
    Outpatient = 2,
    Satisfaction = 3,
}

/// 话术 (5.1.4, 7.2.3.1 b) as stored: the flow is the agent's Script as JSON text; the columns are what lists filter on.
/// Versions of one script share a Key; a version used on a call is frozen (editing makes the next version).
public sealed class ScriptRecord
{
    public int Id { get; set; }
    public int HospitalId { get; set; }
    public int DepartmentId { get; set; }

    /// Stable across versions, e.g. "pci-discharge"; pathway nodes name it (PathwayNode.ScriptKey).
    public required string Key { get; set; }
    public int Version { get; set; } = 1;
    public required string Name { get; set; }
    public ScriptRecordPurpose Purpose { get; set; } = ScriptRecordPurpose.Discharge;
    public ScriptStatus Status { get; set; }

    /// The agent's Script (Suifang.Agent.Scripts.ScriptJson form). Key, version, name, purpose and department are the columns'.
    public required string Json { get; set; }

    /// Shipped with Suifang (Scripts/Templates/*.json).
    public bool IsTemplate { get; set; }

    /// Set when the first call used this version: from then on it cannot change (7.2.5.2: a call keeps its script version).
    public DateTime? FirstUsedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    /// Counts in-place edits: an editor that loaded revision 3 cannot overwrite revision 4 unseen.
    public int Revision { get; set; }

    public bool IsFrozen => FirstUsedAt is not null;
}
