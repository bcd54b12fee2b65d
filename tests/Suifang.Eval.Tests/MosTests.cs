using Suifang.Eval.Metrics;

namespace Suifang.Eval.Tests;

public sealed class MosTests
{
    [Fact]
    public void Mos_is_the_mean_of_all_ratings_6_4_c()
    {
        // Ratings 4, 5, 3 for s1 and 4 for s2: MOS = (4 + 5 + 3 + 4) / 4 = 4.0; s1 mean 4.0, s2 mean 4.0.
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "rater,sample,score\n王护士,s1,4\n李护士,s1,5\n张医生,s1,3\n王护士,s2,4\n");
        var ratings = Mos.Read(path);
        Assert.Equal(4, ratings.Count);
        Assert.Equal(4.0, Mos.Mean(ratings), 12);
        Assert.Equal([("s1", 4.0, 3), ("s2", 4.0, 1)], Mos.PerSample(ratings).OrderBy(s => s.Sample));
    }

    [Fact]
    public void A_score_outside_1_to_5_is_rejected_with_the_line_named()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "rater,sample,score\n王护士,s1,6\n");
        var e = Assert.Throws<InvalidDataException>(() => Mos.Read(path));
        Assert.Contains("第 2 行", e.Message);
    }
}
