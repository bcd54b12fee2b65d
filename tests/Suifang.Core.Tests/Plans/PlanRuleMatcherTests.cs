using Suifang.Core.Patients;
using Suifang.Core.Plans;
using Suifang.Core.Plans.Rules;

namespace Suifang.Core.Tests.Plans;

/// 5.1.3 automatic plans: rules map diagnoses (primary or secondary), department and visit type to pathways.
public sealed class PlanRuleMatcherTests
{
    private static PlanRule Rule(int id, string codes, string key, int? department = null, VisitType? visit = null, bool enabled = true, int priority = 0) =>
        new() { Id = id, Name = key, DiagnosisCodes = codes, PathwayKey = key, DepartmentId = department, VisitType = visit, Enabled = enabled, Priority = priority };

    private static EncounterFacts Facts(string primary, int department = 1, VisitType visit = VisitType.Discharged, params string[] secondary) =>
        new(department, visit, primary, secondary);

    [Fact]
    public void A_code_inside_a_range_matches_on_the_primary_diagnosis()
    {
        var m = new PlanRuleMatcher([Rule(1, "I20-I25;Z95.5", "pci")]);

        Assert.Equal(["pci"], m.PathwayKeys(Facts("I21.901")));
        Assert.Empty(m.PathwayKeys(Facts("I50.9")));
    }

    [Fact]
    public void A_secondary_diagnosis_matches_too_and_several_rules_give_several_pathways()
    {
        var m = new PlanRuleMatcher([Rule(1, "I20-I25", "pci"), Rule(2, "E11", "diabetes-t2")]);

        Assert.Equal(["pci", "diabetes-t2"], m.PathwayKeys(Facts("I25.1", secondary: ["E11.900"])));
        Assert.Equal(["diabetes-t2"], m.PathwayKeys(Facts("K80.2", secondary: ["E11.9"])));
    }

    [Fact]
    public void Department_and_visit_type_restrict_a_rule_when_given()
    {
        var m = new PlanRuleMatcher([Rule(1, "I10", "htn-clinic", department: 2, visit: VisitType.Outpatient)]);

        Assert.Equal(["htn-clinic"], m.PathwayKeys(Facts("I10.x00", 2, VisitType.Outpatient)));
        Assert.Empty(m.PathwayKeys(Facts("I10.x00", 1, VisitType.Outpatient)));
        Assert.Empty(m.PathwayKeys(Facts("I10.x00", 2, VisitType.Discharged)));
    }

    [Fact]
    public void Disabled_rules_match_nothing_and_the_same_pathway_is_named_once_by_priority()
    {
        var m = new PlanRuleMatcher([Rule(1, "I10", "a", priority: 0), Rule(2, "I10", "b", priority: 5), Rule(3, "I10", "a", priority: 1), Rule(4, "I10", "c", enabled: false)]);

        Assert.Equal(["b", "a"], m.PathwayKeys(Facts("I10")));
    }
}
