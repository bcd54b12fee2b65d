using Suifang.Core.Alerts;

namespace Suifang.Core.Tests.Alerts;

/// Critical values the patient states (7.2.5.1 a), with the default limits.
public sealed class CriticalValuesTests
{
    private static readonly Dictionary<string, CriticalLimit> Limits = CriticalValues.Defaults();

    [Theory]
    [InlineData("blood_glucose_fasting", "2.5", true)]
    [InlineData("blood_glucose_fasting", "5.6", false)]
    [InlineData("blood_glucose_fasting", "25", true)]
    [InlineData("blood_pressure_systolic", "180", true)]
    [InlineData("blood_pressure_systolic", "179", false)]
    [InlineData("oxygen_saturation", "88", true)]
    [InlineData("blood_pressure_systolic", "不知道", false)]
    [InlineData("temperature", "41", false)]
    public void A_stated_value_beyond_its_limit_is_critical(string key, string value, bool critical)
    {
        var finding = CriticalValues.Evaluate(Limits, key, value);
        Assert.Equal(critical, finding is not null);
        if (finding is not null)
            Assert.Equal("critical:" + key, finding.RuleKey);
    }

    [Fact]
    public void The_reason_names_the_value_and_the_limit()
    {
        var finding = CriticalValues.Evaluate(Limits, "blood_glucose_fasting", "2.5");
        Assert.Equal("危急值：患者自述血糖 2.5 mmol/L（≤ 2.8 mmol/L），请立即联系患者", finding!.Reason);
    }

    [Fact]
    public void Configured_limits_replace_the_defaults()
    {
        var limits = CriticalValues.Defaults();
        limits["blood_pressure_systolic"] = new CriticalLimit { Label = "收缩压", Unit = "mmHg", High = 200 };
        Assert.Null(CriticalValues.Evaluate(limits, "blood_pressure_systolic", "185"));
    }
}
