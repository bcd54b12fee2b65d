using Suifang.Core.Pathways;
using Suifang.Core.Patients;

namespace Suifang.Core.Plans.Rules;

/// The facts of an encounter a plan rule looks at.
public sealed record EncounterFacts(int DepartmentId, VisitType VisitType, string PrimaryCode, IReadOnlyList<string> SecondaryCodes);

/// Which rules match an encounter: any of its diagnoses (primary or secondary) lies in the rule's codes or ranges, and
/// the department and visit type match when the rule names them.
public sealed class PlanRuleMatcher
{
    private readonly List<(PlanRule Rule, IReadOnlyList<IcdRange> Ranges)> _rules;

    public PlanRuleMatcher(IEnumerable<PlanRule> rules) =>
        _rules = rules.Where(r => r.Enabled).OrderByDescending(r => r.Priority).ThenBy(r => r.Id)
            .Select(r => (r, IcdRange.ParseList(r.DiagnosisCodes))).ToList();

    public bool IsEmpty => _rules.Count == 0;

    public IEnumerable<PlanRule> Matching(EncounterFacts e) =>
        _rules.Where(x => (x.Rule.DepartmentId is null || x.Rule.DepartmentId == e.DepartmentId)
                && (x.Rule.VisitType is null || x.Rule.VisitType == e.VisitType)
                && (IcdRange.AnyContains(x.Ranges, e.PrimaryCode) || e.SecondaryCodes.Any(c => IcdRange.AnyContains(x.Ranges, c))))
            .Select(x => x.Rule);

    // Encounters with one diagnosis repeat a few (department, visit type, code) facts: each is matched once. Not
    // thread-safe, as the matcher is made per batch on one thread.
    private readonly Dictionary<(int, VisitType, string), IReadOnlyList<string>> _keys = [];

    /// The distinct pathway keys of the matching rules, highest priority first (a list shared by equal facts: do not change it).
    public IReadOnlyList<string> PathwayKeys(EncounterFacts e)
    {
        if (e.SecondaryCodes.Count > 0 || _keys.Count >= 10_000)
            return Keys(e);
        var key = (e.DepartmentId, e.VisitType, e.PrimaryCode);
        if (!_keys.TryGetValue(key, out var keys))
            _keys[key] = keys = Keys(e);
        return keys;
    }

    private List<string> Keys(EncounterFacts e) => Matching(e).Select(r => r.PathwayKey).Distinct().ToList();
}
