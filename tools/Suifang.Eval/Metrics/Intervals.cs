namespace Suifang.Eval.Metrics;

/// A 95 % confidence interval.
internal sealed record Interval(double Low, double High);

/// Confidence intervals: Wilson's score interval for proportions, a seeded percentile bootstrap for everything else
/// (means, F1, ROUGE, error rates), so the same data gives the same interval on every run.
internal static class Intervals
{
    public const double Z95 = 1.959963984540054;
    public const int Resamples = 1000;
    public const int Seed = 20261130;

    /// Wilson score interval of <paramref name="successes"/> out of <paramref name="n"/>; null when n = 0.
    public static Interval? Wilson(int successes, int n, double z = Z95)
    {
        if (n <= 0) return null;
        double p = (double)successes / n, z2 = z * z;
        var centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        var half = z / (1 + z2 / n) * Math.Sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        // At 0 or n successes the bound on that side is exactly 0 or 1 (rounding would leave 0.9999999999999999).
        return new Interval(successes == 0 ? 0 : Math.Max(0, centre - half), successes == n ? 1 : Math.Min(1, centre + half));
    }

    /// Percentile bootstrap (2.5 % and 97.5 %) of <paramref name="statistic"/> over <paramref name="items"/>, resampled
    /// with replacement <paramref name="resamples"/> times from a seeded generator; null for fewer than 2 items.
    public static Interval? Bootstrap<T>(IReadOnlyList<T> items, Func<IReadOnlyList<T>, double> statistic,
        int resamples = Resamples, int seed = Seed)
    {
        if (items.Count < 2) return null;
        var random = new Random(seed);
        var values = new double[resamples];
        var sample = new T[items.Count];
        for (var r = 0; r < resamples; r++)
        {
            for (var i = 0; i < sample.Length; i++) sample[i] = items[random.Next(items.Count)];
            values[r] = statistic(sample);
        }
        var finite = values.Where(double.IsFinite).Order().ToArray();
        if (finite.Length == 0) return null;
        return new Interval(Percentile(finite, 0.025), Percentile(finite, 0.975));
    }

    /// Linear interpolation between closest ranks of an ascending array (the usual "type 7" percentile).
    public static double Percentile(IReadOnlyList<double> sorted, double q)
    {
        if (sorted.Count == 0) throw new ArgumentException("No values.", nameof(sorted));
        var position = q * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
