using System.Globalization;

namespace Suifang.Bench;

/// The answers of questionnaire-submit's patients. The default is a realistic mix, an assumption stated here and in
/// bench/README.md: totals spread like the PHQ-9 severity bands reported for primary-care patients (Kroenke, Spitzer &
/// Williams 2001, J Gen Intern Med 16:606 — most minimal or mild, a few percent severe): 60 % minimal (0–4), 22 % mild
/// (5–9), 10 % moderate (10–14), 5 % moderately severe (15–19), 3 % severe (20–27); and item 9 ("thoughts of
/// self-harm") answered above 0 by `criticalPercent` % of the patients (default 3 %, the order of the rates published
/// for general outpatients), each of whom raises a critical to-do, its alert and the duty nurse's SMS. Totals of 15 and
/// more are "high risk" (an urgent to-do). --all-critical is the worst case: every patient answers item 9 with 1 (the
/// bench's answers before session 7: total 13). Deterministic (seeded), so runs compare.
internal sealed class Phq9Mix(bool allCritical, int criticalPercent, int seed = 5)
{
    private static readonly (int Percent, int From, int To)[] Bands = [(60, 0, 4), (22, 5, 9), (10, 10, 14), (5, 15, 19), (3, 20, 27)];

    public string Describe() => allCritical
        ? "worst case (--all-critical): every patient answers PHQ-9 item 9 with 1 (1 critical to-do, alert and SMS each)"
        : $"realistic mix: totals 60 % minimal / 22 % mild / 10 % moderate / 5 % moderately severe / 3 % severe, item 9 above 0 for {criticalPercent} %";

    /// The form of the i-th patient (a.phq9_1 … a.phq9_9).
    public List<KeyValuePair<string, string>>[] Forms(int count)
    {
        var random = new Random(seed);
        var forms = new List<KeyValuePair<string, string>>[count];
        for (var i = 0; i < count; i++)
        {
            var critical = allCritical || random.Next(100) < criticalPercent;
            var total = allCritical ? 9 : Total(random.Next(100), random);
            var items = new int[9];
            items[8] = critical ? 1 + random.Next(Math.Min(3, Math.Max(1, total))) : 0;
            var left = Math.Max(0, total - items[8]);
            for (var k = 0; left > 0 && k < 8 * 3; k++, left--)
                items[k % 8]++;
            if (allCritical)
                items = [1, 2, 3, 0, 1, 2, 3, 0, 1]; // the bench's answers before session 7: total 13, item 9 at 1
            forms[i] = items.Select((v, k) => new KeyValuePair<string, string>($"a.phq9_{k + 1}", v.ToString(CultureInfo.InvariantCulture))).ToList();
        }
        return forms;
    }

    private static int Total(int percentile, Random random)
    {
        foreach (var (percent, from, to) in Bands)
        {
            if (percentile < percent)
                return random.Next(from, to + 1);
            percentile -= percent;
        }
        return 0;
    }
}
