using Suifang.Core.Alerts;

namespace Suifang.Core.Tests.Alerts;

/// Trend alerts on hand-made series (7.2.5.1 b): flat, noisy, rising, missing values, other units, falling scores.
public sealed class TrendDetectorTests
{
    private static readonly TrendRule Systolic = TrendDetector.Defaults.Single(r => r.Key == "blood_pressure_systolic");
    private static readonly TrendRule Glucose = TrendDetector.Defaults.Single(r => r.Key == "blood_glucose_fasting");
    private static readonly TrendRule Barthel = TrendDetector.Defaults.Single(r => r.Key == "barthel_score");

    private static List<Measurement> Series(params string?[] values) =>
        values.Select((v, i) => new Measurement(new DateTime(2026, 11, 1).AddDays(7 * i), v)).ToList();

    [Fact]
    public void Systolic_pressure_rising_over_the_last_three_follow_ups_is_a_trend_with_the_values_compared()
    {
        var finding = TrendDetector.Evaluate(Systolic, Series("130", "142", "150", "158"));

        Assert.NotNull(finding);
        Assert.Equal("收缩压 142 → 150 → 158 mmHg（近3次随访）", finding.Comparison);
        Assert.Equal("trend:blood_pressure_systolic", finding.Rule.RuleKey);
        Assert.Contains("连续升高", finding.Reason);
    }

    [Theory]
    [InlineData("150", "150", "150")]          // flat
    [InlineData("142", "158", "150")]          // noisy: up then down
    [InlineData("150", "146", "158")]          // noisy: down then up
    [InlineData("150", "153", "156")]          // rising, but by less than the rule's 10 mmHg
    [InlineData("158", "150", "142")]          // falling blood pressure is not worse
    public void A_flat_noisy_small_or_improving_series_is_not_a_trend(string a, string b, string c) =>
        Assert.Null(TrendDetector.Evaluate(Systolic, Series(a, b, c)));

    [Fact]
    public void Missing_or_unreadable_values_are_skipped_and_too_few_values_are_no_trend()
    {
        Assert.NotNull(TrendDetector.Evaluate(Systolic, Series("140", null, "不清楚", "150", "", "160")));
        Assert.Null(TrendDetector.Evaluate(Systolic, Series("140", null, "160")));
    }

    [Fact]
    public void The_order_is_by_time_not_by_the_order_given()
    {
        var series = Series("140", "150", "160");
        series.Reverse();
        Assert.NotNull(TrendDetector.Evaluate(Systolic, series));
    }

    [Fact]
    public void Values_in_other_units_are_converted_before_comparing()
    {
        var glucose = new List<Measurement>
        {
            new(new DateTime(2026, 11, 1), "108", "mg/dL"),   // 6.0 mmol/L
            new(new DateTime(2026, 11, 8), "6.8"),
            new(new DateTime(2026, 11, 15), "7.4", "mmol/L"),
        };
        var finding = TrendDetector.Evaluate(Glucose, glucose);
        Assert.NotNull(finding);
        Assert.Equal([6.0m, 6.8m, 7.4m], finding.Values);

        var pressure = Series("18.7", "20", "21.3").Select(m => m with { Unit = "kPa" }).ToList();
        Assert.Equal([140m, 150m, 160m], TrendDetector.Evaluate(Systolic, pressure)!.Values);
        Assert.Null(TrendDetector.Normalize(Systolic, new Measurement(DateTime.Today, "140", "次/分")));
    }

    [Fact]
    public void A_falling_Barthel_score_is_a_trend_and_a_rising_one_is_not()
    {
        Assert.Contains("连续下降", TrendDetector.Evaluate(Barthel, Series("85", "70", "60"))!.Reason);
        Assert.Null(TrendDetector.Evaluate(Barthel, Series("60", "70", "85")));
    }

    [Fact]
    public void A_department_threshold_changes_what_counts()
    {
        var series = Series("140", "144", "148");
        Assert.Null(TrendDetector.Evaluate(Systolic, series));
        Assert.NotNull(TrendDetector.Evaluate(Systolic with { MinTotalChange = 5 }, series));
    }
}
