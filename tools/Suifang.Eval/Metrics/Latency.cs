namespace Suifang.Eval.Metrics;

/// Response time ES_T = R_T_finish − R_T_start (7.1.1), summarised by percentiles in milliseconds.
internal sealed record LatencySummary(int Count, double P50, double P90, double P95, double P99, double Max)
{
    public static LatencySummary? Of(IReadOnlyList<double> milliseconds)
    {
        if (milliseconds.Count == 0) return null;
        var s = milliseconds.Order().ToArray();
        return new LatencySummary(s.Length, Intervals.Percentile(s, 0.50), Intervals.Percentile(s, 0.90),
            Intervals.Percentile(s, 0.95), Intervals.Percentile(s, 0.99), s[^1]);
    }

    /// The seeded bootstrap interval of the 95th percentile.
    public static Interval? P95Interval(IReadOnlyList<double> milliseconds) =>
        Intervals.Bootstrap(milliseconds, xs => Intervals.Percentile(xs.Order().ToArray(), 0.95));
}
