namespace Suifang.Core.Pathways;

/// 版本状态. A draft can be edited in place; a published version that a plan has used is frozen (editing makes the next version).
public enum PathwayStatus
{
    Draft = 0,
    Published = 1,
    Archived = 2,
}

/// 随访路径 (5.1.5, 7.2.3.1): what to ask a department's patients of some diseases, when, and through which channels.
/// Versions of one pathway share a Key; each version is its own row with its own nodes.
public sealed class Pathway
{
    public int Id { get; set; }
    public int HospitalId { get; set; }
    public int DepartmentId { get; set; }

    /// Stable across versions, e.g. "pci"; unique per hospital together with Version.
    public required string Key { get; set; }
    public required string Name { get; set; }
    public int Version { get; set; } = 1;
    public PathwayStatus Status { get; set; }

    /// ICD-10 codes or ranges the pathway covers, separated by ';' (e.g. "I20-I25;Z95.5"); see IcdRange.
    public required string DiseaseCodes { get; set; }

    /// Plain words for the diseases, shown in lists (e.g. "冠心病 PCI 术后").
    public required string DiseaseNames { get; set; }
    public string? Description { get; set; }

    /// True for the presets shipped with Suifang.
    public bool IsPreset { get; set; }

    /// Set when the first plan used this version: from then on it cannot change.
    public DateTime? FirstUsedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    /// Counts in-place edits: an editor that loaded revision 3 cannot overwrite revision 4 unseen.
    public int Revision { get; set; }

    public List<PathwayNode> Nodes { get; set; } = [];

    public bool IsFrozen => FirstUsedAt is not null;
}
