using Microsoft.Extensions.AI;

namespace Suifang.Eval.Metrics;

/// BERTScore (6.2 c): every token of the candidate x and the reference y is embedded; sim = cosine;
/// Precision = mean over x of the best sim in y, Recall = mean over y of the best sim in x, F = 2PR / (P + R).
/// Tokens are the Chinese characters (what Chinese BERT models tokenise into), punctuation and spaces dropped.
/// The embeddings come from any IEmbeddingGenerator: an OpenAI-compatible server or the local character vectors.
internal static class BertScore
{
    internal sealed record Score(double Precision, double Recall, double F1);

    /// The score from token vectors already computed.
    public static Score Of(IReadOnlyList<float[]> candidate, IReadOnlyList<float[]> reference)
    {
        if (candidate.Count == 0 || reference.Count == 0) return new Score(0, 0, 0);
        var p = candidate.Average(x => reference.Max(y => Cosine(x, y)));
        var r = reference.Average(y => candidate.Max(x => Cosine(x, y)));
        return new Score(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
    }

    public static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }

    /// Scores every pair, embedding each distinct token once (in batches) through <paramref name="embeddings"/>.
    public static async Task<IReadOnlyList<Score>> ScoreAsync(IEmbeddingGenerator<string, Embedding<float>> embeddings,
        IReadOnlyList<(string Candidate, string Reference)> pairs, CancellationToken ct)
    {
        var tokens = pairs.SelectMany(p => TextMetrics.Characters(p.Candidate).Concat(TextMetrics.Characters(p.Reference)))
            .Distinct(StringComparer.Ordinal).ToList();
        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var batch in tokens.Chunk(256))
        {
            var result = await embeddings.GenerateAsync(batch, cancellationToken: ct);
            if (result.Count != batch.Length) throw new InvalidOperationException($"嵌入服务返回了 {result.Count} 个向量，应为 {batch.Length} 个。");
            for (var i = 0; i < batch.Length; i++) vectors[batch[i]] = result[i].Vector.ToArray();
        }
        return pairs.Select(p => Of(
            TextMetrics.Characters(p.Candidate).Select(t => vectors[t]).ToList(),
            TextMetrics.Characters(p.Reference).Select(t => vectors[t]).ToList())).ToList();
    }
}
