using Suifang.Eval.Metrics;
using Suifang.Eval.Reporting;

namespace Suifang.Eval.Tests;

public sealed class ReportTests
{
    internal static MetricResult Metric(string key, double value, double low, double high, bool higherIsBetter = true, bool gated = true) => new()
    {
        Key = key, Suite = "s", Clause = "6.1 a", Name = key, Value = value, Low = low, High = high, N = 100,
        HigherIsBetter = higherIsBetter, Gated = gated, Interval = "wilson",
    };

    internal static RunReport Report(params MetricResult[] metrics) => new()
    {
        Data = "data", Split = "test", Metrics = [.. metrics],
        Suites = [new SuiteResult { Key = "s", Name = "症状状态", Clause = "6.1" }, SuiteResult.Skip("speech", "语音往返", "7.1.3", "未配置语音识别，未测")],
    };

    [Fact]
    public void A_minimum_threshold_passes_at_or_above_and_a_maximum_at_or_below()
    {
        var t = new Thresholds(new Dictionary<string, Threshold>
        {
            ["a"] = new(0.9, null, true, "团队目标"),
            ["b"] = new(null, 30, false, "团队目标"),
        });
        Assert.True(t.Apply(Metric("a", 0.9, 0.8, 0.95)).Pass);
        Assert.False(t.Apply(Metric("a", 0.89, 0.8, 0.95)).Pass);
        Assert.True(t.Apply(Metric("b", 30, 20, 40, higherIsBetter: false)).Pass);
        Assert.False(t.Apply(Metric("b", 31, 20, 40, higherIsBetter: false)).Pass);
        Assert.True(t.Apply(Metric("a", 0.95, 0.9, 1, gated: false)).Gated);
        Assert.Null(t.Apply(Metric("c", 0.5, 0.4, 0.6)).Pass);
    }

    [Fact]
    public void The_shipped_thresholds_hold_mos_to_4_5_as_the_standard_says()
    {
        var t = Thresholds.Shipped();
        Assert.Equal(4.5, t.ByKey["mos.mean"].Min);
        Assert.Contains("6.4", t.ByKey["mos.mean"].Source);
    }

    [Fact]
    public void A_gated_metric_below_the_interval_of_run_a_fails_the_comparison()
    {
        // A: 0.95 [0.92, 0.97]; B 0.91 < 0.92 → worse beyond the interval.
        var changes = Comparison.Compare(Report(Metric("sen", 0.95, 0.92, 0.97)), Report(Metric("sen", 0.91, 0.88, 0.94)));
        Assert.True(changes.Single().Worse);
        Assert.Equal(-0.04, changes.Single().Difference!.Value, 10);
        Assert.True(Comparison.Fails(changes));
    }

    [Fact]
    public void The_same_perfect_score_twice_is_no_change()
    {
        var perfect = Intervals.Wilson(30, 30)!;
        Assert.Equal(1, perfect.High);
        var changes = Comparison.Compare(Report(Metric("pm", 1, perfect.Low, perfect.High)), Report(Metric("pm", 1, perfect.Low, perfect.High)));
        Assert.Equal("无显著变化", changes.Single().Verdict);
    }

    [Fact]
    public void A_drop_within_the_interval_of_run_a_is_no_significant_change()
    {
        var changes = Comparison.Compare(Report(Metric("sen", 0.95, 0.92, 0.97)), Report(Metric("sen", 0.93, 0.90, 0.96)));
        Assert.False(changes.Single().Worse);
        Assert.False(Comparison.Fails(changes));
    }

    [Fact]
    public void For_a_lower_is_better_metric_a_rise_beyond_the_interval_is_worse()
    {
        var a = Report(Metric("cer", 0.05, 0.03, 0.07, higherIsBetter: false));
        Assert.True(Comparison.Compare(a, Report(Metric("cer", 0.08, 0.06, 0.10, higherIsBetter: false))).Single().Worse);
        Assert.False(Comparison.Compare(a, Report(Metric("cer", 0.02, 0.01, 0.03, higherIsBetter: false))).Single().Worse);
    }

    [Fact]
    public void An_ungated_metric_that_got_worse_does_not_fail_and_a_gated_one_that_b_lacks_does()
    {
        var worseUngated = Comparison.Compare(Report(Metric("x", 0.9, 0.85, 0.95, gated: false)), Report(Metric("x", 0.5, 0.4, 0.6, gated: false)));
        Assert.False(Comparison.Fails(worseUngated));
        var lacking = Comparison.Compare(Report(Metric("sen", 0.95, 0.92, 0.97)), Report());
        Assert.True(Comparison.Fails(lacking));
        Assert.Contains("缺少", lacking.Single().Verdict);
    }

    [Fact]
    public void The_markdown_report_has_the_clause_value_interval_threshold_verdict_and_n_and_says_why_a_suite_was_not_run()
    {
        var thresholds = new Thresholds(new Dictionary<string, Threshold> { ["sen"] = new(0.95, null, true, "团队目标") });
        var report = Report(thresholds.Apply(Metric("sen", 0.963, 0.926, 0.982)));
        var md = MarkdownReport.Write(report);
        Assert.Contains("# 随访智能体评测报告", md);
        Assert.Contains("| 条款 | 指标 | 值 | 95 % 置信区间 | 阈值 | 结论 | n |", md);
        Assert.Contains("| 6.1 a | sen | 96.3 % | 92.6 % – 98.2 % | ≥ 95.0 % | 达标 | 100 |", md);
        Assert.Contains("未配置语音识别，未测", md);
    }

    [Fact]
    public void A_report_survives_a_round_trip_through_json()
    {
        var report = Report(Metric("sen", 0.963, 0.926, 0.982));
        var path = Path.GetTempFileName();
        File.WriteAllText(path, report.ToJson());
        var back = RunReport.Read(path);
        Assert.Equal(report.Metrics.Single(), back.Metrics.Single());
        Assert.Equal("未配置语音识别，未测", back.Suites[1].Skipped);
    }

    [Fact]
    public async Task Compare_exits_non_zero_when_a_gated_metric_got_worse()
    {
        var a = Path.GetTempFileName();
        var b = Path.GetTempFileName();
        File.WriteAllText(a, Report(Metric("sen", 0.95, 0.92, 0.97)).ToJson());
        File.WriteAllText(b, Report(Metric("sen", 0.80, 0.75, 0.85)).ToJson());
        var output = new StringWriter();
        Assert.Equal(1, await Cli.RunAsync(["compare", a, b], output, CancellationToken.None));
        Assert.Contains("不通过", output.ToString());
        Assert.Equal(0, await Cli.RunAsync(["compare", a, a], new StringWriter(), CancellationToken.None));
    }
}
