using Suifang.Eval.Metrics;

namespace Suifang.Eval.Tests;

public sealed class IntervalsTests
{
    [Fact]
    public void Wilson_interval_of_8_out_of_10()
    {
        // p = 0.8, z = 1.96, z² = 3.8415; centre = (0.8 + 3.8415/20) / (1 + 3.8415/10) = 0.99207 / 1.38415 = 0.71674;
        // half = 1.96 / 1.38415 · √(0.8·0.2/10 + 3.8415/400) = 1.41602 · 0.16001 = 0.22658 → [0.4902, 0.9433].
        var ci = Intervals.Wilson(8, 10)!;
        Assert.Equal(0.4902, ci.Low, 4);
        Assert.Equal(0.9433, ci.High, 4);
    }

    [Fact]
    public void Wilson_interval_of_all_successes_reaches_one_with_a_real_lower_bound()
    {
        // 30/30: centre = (1 + 3.8415/60) / (1 + 3.8415/30) = 1.06402 / 1.12805 = 0.94324; half = 1.96/1.12805 · √(3.8415/3600) = 0.05676
        // → [0.8865, 1].
        var ci = Intervals.Wilson(30, 30)!;
        Assert.Equal(0.8865, ci.Low, 4);
        Assert.Equal(1, ci.High);
        Assert.Null(Intervals.Wilson(0, 0));
    }

    [Fact]
    public void Bootstrap_is_deterministic_and_brackets_the_mean()
    {
        double[] scores = [3, 4, 4, 5, 5, 5, 4, 3, 5, 4];
        var a = Intervals.Bootstrap(scores, xs => xs.Average())!;
        var b = Intervals.Bootstrap(scores, xs => xs.Average())!;
        Assert.Equal(a, b);
        Assert.InRange(scores.Average(), a.Low, a.High);
        Assert.True(a.High - a.Low > 0.2, $"a spread of 3–5 over 10 ratings gives a real interval, got {a}");
        Assert.Null(Intervals.Bootstrap([1.0], xs => xs.Average()));
    }

    [Fact]
    public void Percentiles_interpolate_between_ranks_7_1_1()
    {
        // 10, 20, 30, 40, 50 ms: P50 at position 0.5·4 = 2 → 30; P95 at 0.95·4 = 3.8 → 40 + 0.8·10 = 48.
        var s = LatencySummary.Of([50, 10, 40, 20, 30])!;
        Assert.Equal(30, s.P50, 10);
        Assert.Equal(48, s.P95, 10);
        Assert.Equal(50, s.Max);
    }
}
