namespace Suifang.Agent.Understanding.Chinese;

/// <summary>Figures of one evaluation of the understander against labelled utterances (issue #4 figures, standard 6.1).</summary>
/// <param name="Errors">Every wrong intent, symptom status and value, one line each.</param>
public sealed record EvaluationReport(
    int Utterances, double MacroF1, double IntentAccuracy, IReadOnlyDictionary<Intent, double> F1PerIntent,
    int TruePositive, int FalseNegative, int TrueNegative, int FalsePositive, double ValueAccuracy, int ValueCases,
    IReadOnlyList<string> Errors)
{
    /// <summary>Sen = TP / (TP + FN), Present = positive (standard 6.1 a).</summary>
    public double Sensitivity => TruePositive + FalseNegative == 0 ? 1 : (double)TruePositive / (TruePositive + FalseNegative);
    /// <summary>Spe = TN / (TN + FP) (standard 6.1 b).</summary>
    public double Specificity => TrueNegative + FalsePositive == 0 ? 1 : (double)TrueNegative / (TrueNegative + FalsePositive);

    /// <summary>Intent confusion: (labelled, understood) → count, the diagonal included.</summary>
    public IReadOnlyDictionary<(Intent Expected, Intent Got), int> Confusion { get; init; } = new Dictionary<(Intent, Intent), int>();

    /// <summary>The confusion matrix as text: one row per labelled intent, the off-diagonal cells named.</summary>
    public string ConfusionTable() =>
        string.Join("\n", Confusion.GroupBy(c => c.Key.Expected).OrderBy(g => g.Key).Select(g =>
        {
            var ok = g.Where(c => c.Key.Got == g.Key).Sum(c => c.Value);
            var wrong = g.Where(c => c.Key.Got != g.Key).OrderByDescending(c => c.Value).Select(c => $"{c.Key.Got} {c.Value}");
            return $"  {g.Key,-12} {g.Sum(c => c.Value),4} ok {ok,4}  → {string.Join(", ", wrong)}";
        }));

    /// <summary>One line per figure, intents from the worst F1 up.</summary>
    public string Summary() =>
        $"utterances {Utterances}: intent macro-F1 {MacroF1:F3}, accuracy {IntentAccuracy:F3}; symptoms Sen {Sensitivity:F3} " +
        $"(TP {TruePositive}, FN {FalseNegative}), Spe {Specificity:F3} (TN {TrueNegative}, FP {FalsePositive}); values {ValueAccuracy:F3} of {ValueCases}\n" +
        string.Join("\n", F1PerIntent.OrderBy(p => p.Value).Select(p => $"  F1 {p.Key}: {p.Value:F3}"));

    /// <summary>
    /// Runs <paramref name="understander"/> over <paramref name="cases"/>. A symptom labelled Present or Absent is a
    /// reference positive or negative; the understander's call is positive only when it says Present for that term
    /// (Absent, Uncertain and not found are negative), as in the binary table of standard 6.1.
    /// </summary>
    public static EvaluationReport Run(IUnderstander understander, IReadOnlyList<LabelledUtterance> cases)
    {
        var intents = Enum.GetValues<Intent>();
        var confusion = intents.ToDictionary(i => i, _ => (tp: 0, fp: 0, fn: 0));
        int correct = 0, tp = 0, fn = 0, tn = 0, fp = 0, valueOk = 0, valueCases = 0;
        var errors = new List<string>();
        var matrix = new Dictionary<(Intent, Intent), int>();
        foreach (var u in cases)
        {
            var result = understander.Understand(u.Text, QuestionCatalogue.ContextOf(u));
            var expected = Enum.Parse<Intent>(u.Intent);
            matrix[(expected, result.Intent)] = matrix.GetValueOrDefault((expected, result.Intent)) + 1;
            if (result.Intent == expected) { correct++; Bump(confusion, expected, 1, 0, 0); }
            else
            {
                Bump(confusion, expected, 0, 0, 1);
                Bump(confusion, result.Intent, 0, 1, 0);
                errors.Add($"intent {u.Id} [{u.Question}] {u.Text}: expected {expected}, got {result.Intent} ({result.Source} {result.Confidence:F2})");
            }
            foreach (var s in u.Symptoms ?? [])
            {
                var said = result.Symptoms.LastOrDefault(m => m.Term == s.Term)?.Status;
                var positive = said == SymptomStatus.Present;
                if (s.Status == "Present") { if (positive) tp++; else { fn++; errors.Add($"symptom {u.Id} [{u.Question}] {u.Text}: {s.Term} Present, got {said?.ToString() ?? "nothing"} ({Found(result)})"); } }
                else if (s.Status == "Absent") { if (!positive) tn++; else { fp++; errors.Add($"symptom {u.Id} [{u.Question}] {u.Text}: {s.Term} Absent, got Present ({Found(result)})"); } }
            }
            foreach (var v in u.Values ?? [])
            {
                valueCases++;
                if (result.Values.Any(r => Same(v, r))) valueOk++;
                else errors.Add($"value {u.Id} [{u.Question}] {u.Text}: expected {v.Type} {v.Number}{(v.Number2 is null ? "" : "/" + v.Number2)} {v.Unit}{v.Date}{v.Choice}, got {string.Join("; ", result.Values.Select(r => $"{r.Type} {r.Number}{(r.Number2 is null ? "" : "/" + r.Number2)} {r.Unit}{r.Date}{r.Choice}"))}");
            }
            if (u.CallBackAt is { } at)
            {
                valueCases++;
                if (result.CallBackAt == at) valueOk++;
                else errors.Add($"callback {u.Id} {u.Text}: expected {at:yyyy-MM-dd HH:mm}, got {result.CallBackAt:yyyy-MM-dd HH:mm}");
            }
        }
        var present = intents.Where(i => confusion[i].tp + confusion[i].fn > 0).ToList();
        var f1 = present.ToDictionary(i => i, i =>
        {
            var (t, p, n) = confusion[i];
            return t == 0 ? 0 : 2.0 * t / (2 * t + p + n);
        });
        return new EvaluationReport(cases.Count, f1.Count == 0 ? 0 : f1.Values.Average(), cases.Count == 0 ? 0 : (double)correct / cases.Count,
            f1, tp, fn, tn, fp, valueCases == 0 ? 1 : (double)valueOk / valueCases, valueCases, errors) { Confusion = matrix };
    }

    private static string Found(UtteranceUnderstanding r) => string.Join(",", r.Symptoms.Select(s => $"{s.Term}:{s.Status}"));

    private static bool Same(LabelledValue v, ExtractedValue r)
    {
        if (!string.Equals(v.Type, r.Type.ToString(), StringComparison.Ordinal)) return false;
        return v.Type switch
        {
            "Date" => r.Date?.ToString("yyyy-MM-dd") == v.Date,
            "Choice" => r.Choice == v.Choice,
            "BloodPressure" => Near(v.Number, r.Number) && Near(v.Number2, r.Number2),
            _ => Near(v.Number, r.Number) && (v.Unit is null || v.Unit == r.Unit),
        };
    }

    private static bool Near(double? a, double? b) => a is null && b is null || a is { } x && b is { } y && Math.Abs(x - y) < 0.001;

    private static void Bump(Dictionary<Intent, (int tp, int fp, int fn)> c, Intent i, int tp, int fp, int fn)
    {
        var (a, b, d) = c[i];
        c[i] = (a + tp, b + fp, d + fn);
    }
}
