namespace Suifang.Core.Knowledge;

/// 随访知识库条目 (7.3.2.2): a question patients ask, the ways they ask it, and the answer the AI agent may give.
/// The agent answers only from these entries; a nurse or doctor owns each one and reviews it by its review date.
public sealed class KnowledgeEntry
{
    public int Id { get; set; }
    public int HospitalId { get; set; }

    /// The department whose patients it answers; null for the whole hospital (booking, copies of records, fees).
    public int? DepartmentId { get; set; }

    /// Stable name of a preset entry ("surg-wound-water"); null for entries written in the hospital.
    public string? PresetKey { get; set; }
    public required string Question { get; set; }

    /// Other wordings, one per line ("刀口能碰水吗").
    public string Variants { get; set; } = "";
    public required string Answer { get; set; }

    /// Who answers for the content (e.g. "普外科 王护士长").
    public required string Owner { get; set; }

    /// When the content must be checked again; overdue entries are flagged in the list.
    public DateOnly ReviewOn { get; set; }

    /// Retired entries are kept (calls refer to them) but no longer used to answer.
    public bool IsRetired { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    /// Counts edits: an editor that loaded revision 3 cannot overwrite revision 4 unseen.
    public int Revision { get; set; }

    public IEnumerable<string> VariantList() =>
        Variants.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
