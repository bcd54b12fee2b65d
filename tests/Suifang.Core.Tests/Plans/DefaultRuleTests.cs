using Suifang.Core.Pathways;
using Suifang.Core.Pathways.Presets;
using Suifang.Core.Plans.Rules;

namespace Suifang.Core.Tests.Plans;

public sealed class DefaultRuleTests
{
    [Fact]
    public void Every_default_rule_names_a_shipped_preset_pathway()
    {
        var presetKeys = PathwayPresets.All.Select(p => p.Key).ToHashSet();
        var missing = DefaultPlanRules.Presets.Select(r => r.Key).Where(k => !presetKeys.Contains(k)).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_preset_pathway_has_a_default_rule_whose_codes_lie_within_the_pathway()
    {
        foreach (var preset in PathwayPresets.All)
        {
            var rule = Assert.Single(DefaultPlanRules.Presets, r => r.Key == preset.Key);
            var covered = IcdRange.ParseList(preset.DiseaseCodes);
            foreach (var range in IcdRange.ParseList(rule.Codes))
                Assert.True(IcdRange.AnyContains(covered, range.From), $"{preset.Key}: rule code {range} is outside the pathway's {preset.DiseaseCodes}");
        }
    }
}
