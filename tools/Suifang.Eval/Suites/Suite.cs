using Suifang.Eval.Metrics;
using Suifang.Eval.Reporting;

namespace Suifang.Eval.Suites;

/// One group of measurements over one labelled set, running the real agent.
internal interface ISuite
{
    /// The key `--suites` selects it by.
    string Key { get; }
    Task<SuiteOutput> RunAsync(EvalContext context, CancellationToken ct);
}

internal sealed record SuiteOutput(IReadOnlyList<SuiteResult> Suites, IReadOnlyList<MetricResult> Metrics)
{
    public static SuiteOutput Skipped(string key, string name, string clause, string reason) =>
        new([SuiteResult.Skip(key, name, clause, reason)], []);
}

/// Builds metric results with their intervals.
internal static class Figures
{
    /// A proportion successes / n with the Wilson interval.
    public static MetricResult Proportion(string key, string suite, string clause, string name, int successes, int n,
        string? note = null, bool higherIsBetter = true)
    {
        var ci = Intervals.Wilson(successes, n);
        return new MetricResult
        {
            Key = key, Suite = suite, Clause = clause, Name = name, N = n, Value = n == 0 ? null : (double)successes / n,
            Low = ci?.Low, High = ci?.High, Interval = ci is null ? null : "wilson", Unit = "%", HigherIsBetter = higherIsBetter,
            Note = note ?? $"{successes}/{n}",
        };
    }

    /// A statistic of items with the seeded bootstrap interval.
    public static MetricResult Bootstrapped<T>(string key, string suite, string clause, string name, IReadOnlyList<T> items,
        Func<IReadOnlyList<T>, double> statistic, string unit = "%", bool higherIsBetter = true, string? note = null)
    {
        var ci = Intervals.Bootstrap(items, statistic);
        return new MetricResult
        {
            Key = key, Suite = suite, Clause = clause, Name = name, N = items.Count, Value = items.Count == 0 ? null : statistic(items),
            Low = ci?.Low, High = ci?.High, Interval = ci is null ? null : "bootstrap", Unit = unit, HigherIsBetter = higherIsBetter, Note = note,
        };
    }

    public static string Short(string text, int max = 60) => text.Length <= max ? text : text[..max] + "…";
}
