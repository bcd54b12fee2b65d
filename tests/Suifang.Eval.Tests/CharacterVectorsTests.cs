using Suifang.Eval.Embeddings;
using Suifang.Eval.Metrics;

namespace Suifang.Eval.Tests;

public sealed class CharacterVectorsTests
{
    [Fact]
    public void Jacobi_finds_the_eigenvalues_of_a_symmetric_matrix()
    {
        // [[2,1],[1,2]] has eigenvalues 1 and 3 (eigenvectors (1,−1)/√2 and (1,1)/√2).
        var (values, vectors) = CharacterVectors.Jacobi(new double[,] { { 2, 1 }, { 1, 2 } }, 2);
        Assert.Equal([1.0, 3.0], values.Order().Select(v => Math.Round(v, 9)));
        var k = values[0] > values[1] ? 0 : 1;
        Assert.Equal(Math.Abs(vectors[0, k]), Math.Abs(vectors[1, k]), 9);
    }

    [Fact]
    public void Characters_used_in_the_same_contexts_come_out_closer_than_unrelated_ones()
    {
        // 红 and 肿 both follow 伤口 and precede 了; 药 only appears with 吃/按时.
        string[] text = ["伤口红了", "伤口肿了", "伤口有点红", "伤口有点肿", "刀口红了", "刀口肿了", "按时吃药", "每天吃药", "药按时吃", "伤口不红", "伤口不肿"];
        var v = CharacterVectors.Learn(text, dimensions: 8);
        var red = v.Vector("红");
        Assert.True(BertScore.Cosine(red, v.Vector("肿")) > BertScore.Cosine(red, v.Vector("药")));
    }

    [Fact]
    public void Learning_twice_from_the_same_text_gives_the_same_vectors()
    {
        string[] text = ["伤口红了", "伤口肿了", "按时吃药", "没有发热"];
        Assert.Equal(CharacterVectors.Learn(text).Vector("伤"), CharacterVectors.Learn(text).Vector("伤"));
    }

    [Fact]
    public void An_unseen_character_is_similar_to_itself_only()
    {
        var v = CharacterVectors.Learn(["伤口红了", "伤口肿了"]);
        Assert.Equal(1, BertScore.Cosine(v.Vector("鑫"), v.Vector("鑫")), 6);
        Assert.True(Math.Abs(BertScore.Cosine(v.Vector("鑫"), v.Vector("伤"))) < 0.9);
    }
}
