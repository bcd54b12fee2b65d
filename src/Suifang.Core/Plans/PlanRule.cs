using Suifang.Core.Patients;

namespace Suifang.Core.Plans;

/// 计划规则: when an encounter's diagnosis (and optionally department, visit type) matches, a plan is created from the
/// newest published version of the pathway with PathwayKey.
public sealed class PlanRule
{
    public int Id { get; set; }
    public int HospitalId { get; set; }
    public required string Name { get; set; }

    /// ICD-10 codes or ranges (see IcdRange), ';'-separated; matched against the primary and secondary diagnoses.
    public required string DiagnosisCodes { get; set; }
    public int? DepartmentId { get; set; }
    public VisitType? VisitType { get; set; }
    public required string PathwayKey { get; set; }
    public bool Enabled { get; set; } = true;

    /// Higher runs first when two rules would pick the same pathway for different departments.
    public int Priority { get; set; }
    public DateTime CreatedAt { get; set; }
}
