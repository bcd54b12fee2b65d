using System.Globalization;

namespace Suifang.Eval.Metrics;

/// Text metrics of the standard's document-generation tasks (6.2) over Chinese characters.
internal static class TextMetrics
{
    /// The characters that carry content: letters (Chinese characters included) and digits; punctuation and spaces dropped.
    /// The temperature sign is read as the character 度 ("37.2℃" and "37.2度" are the same finding; the sign is not a
    /// letter and would otherwise be dropped).
    public static IReadOnlyList<string> Characters(string text)
    {
        var result = new List<string>();
        var e = StringInfo.GetTextElementEnumerator(text.Replace("℃", "度").Replace("°C", "度"));
        while (e.MoveNext())
        {
            var s = (string)e.Current;
            if (s.Any(char.IsLetterOrDigit)) result.Add(s);
        }
        return result;
    }

    /// n-gram counts over <paramref name="tokens"/>.
    public static Dictionary<string, int> NGrams(IReadOnlyList<string> tokens, int n)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + n <= tokens.Count; i++)
        {
            var gram = string.Join('\u0001', tokens.Skip(i).Take(n));
            counts[gram] = counts.GetValueOrDefault(gram) + 1;
        }
        return counts;
    }

    /// ROUGE-N counts of one candidate against one reference (6.2 a): Count_match = the reference's n-grams also in the
    /// candidate, each counted at most as often as the candidate has it; Count = the reference's n-grams.
    public static (int Match, int Count) RougeCounts(string candidate, string reference, int n = 2)
    {
        var c = NGrams(Characters(candidate), n);
        var r = NGrams(Characters(reference), n);
        var match = r.Sum(g => Math.Min(g.Value, c.GetValueOrDefault(g.Key)));
        return (match, r.Values.Sum());
    }

    /// ROUGE-N over a set (6.2 a): the sums run over all reference summaries, Σ Count_match / Σ Count.
    public static double RougeN(IEnumerable<(string Candidate, string Reference)> pairs, int n = 2)
    {
        int match = 0, count = 0;
        foreach (var (c, r) in pairs)
        {
            var (m, k) = RougeCounts(c, r, n);
            match += m;
            count += k;
        }
        return count == 0 ? 0 : (double)match / count;
    }

    /// Keyword hits (6.2 b): keywords found in the generated text, spaces and punctuation ignored on both sides.
    public static int KeywordHits(string generated, IReadOnlyList<string> keywords)
    {
        var text = string.Concat(Characters(generated));
        return keywords.Count(k => Characters(k) is { Count: > 0 } chars && text.Contains(string.Concat(chars), StringComparison.Ordinal));
    }

    /// Hit_Rate = Count_Hit / len(keyword) (6.2 b).
    public static double HitRate(string generated, IReadOnlyList<string> keywords) =>
        keywords.Count == 0 ? 0 : (double)KeywordHits(generated, keywords) / keywords.Count;
}
