namespace Suifang.Eval.Metrics;

/// Retrieval accuracy (7.3.2.2 b) from the rank of the expected document in each result list (1 = first, 0 = not
/// in the list): recall@k = share of queries whose document is within the first k; MRR = mean of 1 / rank (0 when missing).
internal static class Retrieval
{
    public static double RecallAt(IReadOnlyList<int> ranks, int k) =>
        ranks.Count == 0 ? 0 : (double)ranks.Count(r => r >= 1 && r <= k) / ranks.Count;

    public static double Mrr(IReadOnlyList<int> ranks) =>
        ranks.Count == 0 ? 0 : ranks.Sum(r => r >= 1 ? 1.0 / r : 0) / ranks.Count;
}
