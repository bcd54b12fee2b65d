namespace Suifang.Eval.Metrics;

/// Binary confusion counts (standard 6.1, table 1).
internal sealed record BinaryCounts(int TruePositive, int FalseNegative, int TrueNegative, int FalsePositive)
{
    /// Sen = TP / (TP + FN) (6.1 a); null without positives.
    public double? Sensitivity => Ratio(TruePositive, TruePositive + FalseNegative);
    /// Spe = TN / (TN + FP) (6.1 b); null without negatives.
    public double? Specificity => Ratio(TrueNegative, TrueNegative + FalsePositive);
    /// Acc = (TP + TN) / (TP + TN + FP + FN) (6.1 c).
    public double? Accuracy => Ratio(TruePositive + TrueNegative, Total);
    public int Total => TruePositive + TrueNegative + FalsePositive + FalseNegative;

    public static BinaryCounts Of(IEnumerable<(bool Expected, bool Predicted)> cases)
    {
        int tp = 0, fn = 0, tn = 0, fp = 0;
        foreach (var (e, p) in cases)
        {
            if (e && p) tp++;
            else if (e) fn++;
            else if (p) fp++;
            else tn++;
        }
        return new BinaryCounts(tp, fn, tn, fp);
    }

    internal static double? Ratio(int a, int b) => b == 0 ? null : (double)a / b;
}

/// Macro precision, recall and F1 of a multi-class task (standard 6.3).
internal sealed record MacroScores(double Precision, double Recall, double F1, IReadOnlyDictionary<string, (double Precision, double Recall)> PerClass)
{
    /// K = the task's categories: the classes that occur as reference labels (6.3: "分类任务的总类别数"). A prediction
    /// outside them (e.g. "not recognised") is no category of its own, only a miss of the true class.
    /// Precision_i = TP_i / (TP_i + FP_i), Recall_i = TP_i / (TP_i + FN_i); a class never predicted has precision 0
    /// (0/0 counts as 0, the conservative reading). Macro-P and Macro-R are the means over K; Macro-F1 is the harmonic
    /// mean of Macro-P and Macro-R, as 6.3 c defines it (not the mean of per-class F1).
    public static MacroScores Of(IReadOnlyList<(string Expected, string Predicted)> cases)
    {
        var classes = cases.Select(c => c.Expected).Distinct().Order(StringComparer.Ordinal).ToList();
        var perClass = new Dictionary<string, (double, double)>();
        foreach (var k in classes)
        {
            var tp = cases.Count(c => c.Expected == k && c.Predicted == k);
            var fp = cases.Count(c => c.Expected != k && c.Predicted == k);
            var fn = cases.Count(c => c.Expected == k && c.Predicted != k);
            perClass[k] = (BinaryCounts.Ratio(tp, tp + fp) ?? 0, BinaryCounts.Ratio(tp, tp + fn) ?? 0);
        }
        if (classes.Count == 0) return new MacroScores(0, 0, 0, perClass);
        var p = perClass.Values.Average(v => v.Item1);
        var r = perClass.Values.Average(v => v.Item2);
        return new MacroScores(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r), perClass);
    }
}

/// F1 of answers that may be withheld (7.1.2.3 knowledge reasoning): P = correct / answered, R = correct / the number
/// of questions that have an answer, F1 = 2PR / (P + R).
internal sealed record AnswerF1(int Correct, int Answered, int Answerable)
{
    public double Precision => BinaryCounts.Ratio(Correct, Answered) ?? 0;
    public double Recall => BinaryCounts.Ratio(Correct, Answerable) ?? 0;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// Expected null = no document answers it; predicted null = the agent declined.
    public static AnswerF1 Of(IEnumerable<(string? Expected, string? Predicted)> cases)
    {
        int correct = 0, answered = 0, answerable = 0;
        foreach (var (e, p) in cases)
        {
            if (p is not null) answered++;
            if (e is not null) answerable++;
            if (p is not null && p == e) correct++;
        }
        return new AnswerF1(correct, answered, answerable);
    }
}
