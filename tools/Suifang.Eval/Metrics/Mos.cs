using System.Globalization;

namespace Suifang.Eval.Metrics;

/// One rating of a listening test (6.4 c): a rater scores a sample 1–5.
internal sealed record Rating(string Rater, string Sample, int Score, string File);

/// Mean Opinion Score (6.4 c): the mean of all ratings, with the mean per sample.
internal static class Mos
{
    /// Reads rater CSV files with the header `rater,sample,score`; throws with a Chinese message naming the file and line.
    public static IReadOnlyList<Rating> Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var name = Path.GetFileName(path);
        if (lines.Length == 0 || !string.Equals(lines[0].Trim().TrimStart('\uFEFF').Replace(" ", ""), "rater,sample,score", StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException($"{name} 第 1 行应为表头 rater,sample,score。");
        var ratings = new List<Rating>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            var cells = lines[i].Split(',');
            if (cells.Length != 3 || !int.TryParse(cells[2].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var score) || score is < 1 or > 5)
                throw new InvalidDataException($"{name} 第 {i + 1} 行应为“评分人,样本,分数”，分数为 1–5 的整数：{lines[i]}");
            ratings.Add(new Rating(cells[0].Trim(), cells[1].Trim(), score, name));
        }
        return ratings;
    }

    public static double Mean(IReadOnlyList<Rating> ratings) => ratings.Count == 0 ? 0 : ratings.Average(r => r.Score);

    public static IReadOnlyList<(string Sample, double Mean, int Ratings)> PerSample(IReadOnlyList<Rating> ratings) =>
        ratings.GroupBy(r => r.Sample).Select(g => (g.Key, g.Average(r => r.Score), g.Count())).OrderBy(s => s.Item2).ToList();
}
