using Suifang.Eval.Embeddings;
using Suifang.Eval.Metrics;

namespace Suifang.Eval.Tests;

public sealed class BertScoreTests
{
    [Fact]
    public void Precision_recall_and_f_follow_6_2_c()
    {
        // x (candidate) = {x1 = (1,0), x2 = (0,1)}; y (reference) = {y1 = (1,0)}.
        // sim(x1,y1) = 1, sim(x2,y1) = 0. Precision = (max sim of x1 + of x2) / 2 = (1 + 0) / 2 = 0.5.
        // Recall = max over x of sim with y1 = 1. F = 2 · 0.5 · 1 / 1.5 = 2/3.
        var s = BertScore.Of([[1f, 0f], [0f, 1f]], [[1f, 0f]]);
        Assert.Equal(0.5, s.Precision, 12);
        Assert.Equal(1, s.Recall, 12);
        Assert.Equal(2.0 / 3, s.F1, 12);
    }

    [Fact]
    public void Cosine_of_vectors_at_60_degrees_is_one_half()
    {
        // (1,0)·(1,√3) = 1; |(1,√3)| = 2 → cos = 1/2.
        Assert.Equal(0.5, BertScore.Cosine([1f, 0f], [1f, (float)Math.Sqrt(3)]), 6);
    }

    [Fact]
    public async Task Identical_texts_score_one_with_the_local_character_vectors()
    {
        var vectors = CharacterVectors.Learn(["伤口不红", "伤口发红", "没有发热", "体温正常", "按时服药", "伤口有点红"]);
        var scores = await BertScore.ScoreAsync(vectors, [("伤口不红", "伤口不红")], CancellationToken.None);
        Assert.Equal(1, scores[0].F1, 5);
    }
}
