namespace Suifang.Eval.Metrics;

/// Substitutions, deletions and insertions of the minimum edit alignment of a hypothesis to a reference, and N = the
/// reference length: WER over words, PER over phonemes (6.4 a, b) and CER over characters (7.1.3) all are (S + D + I) / N.
internal sealed record EditCounts(int Substitutions, int Deletions, int Insertions, int ReferenceLength)
{
    public int Errors => Substitutions + Deletions + Insertions;

    /// (S + D + I) / N; null for an empty reference.
    public double? Rate => ReferenceLength == 0 ? null : (double)Errors / ReferenceLength;

    public static EditCounts operator +(EditCounts a, EditCounts b) =>
        new(a.Substitutions + b.Substitutions, a.Deletions + b.Deletions, a.Insertions + b.Insertions, a.ReferenceLength + b.ReferenceLength);

    public static readonly EditCounts Zero = new(0, 0, 0, 0);

    /// Levenshtein alignment (all edits cost 1). Where several alignments have the minimum cost, each cell prefers a
    /// match or substitution, then a deletion, then an insertion, so S, D and I are well defined.
    public static EditCounts Align(IReadOnlyList<string> reference, IReadOnlyList<string> hypothesis)
    {
        int n = reference.Count, m = hypothesis.Count;
        var cost = new (int Cost, int S, int D, int I)[n + 1, m + 1];
        for (var i = 1; i <= n; i++) cost[i, 0] = (i, 0, i, 0);
        for (var j = 1; j <= m; j++) cost[0, j] = (j, 0, 0, j);
        for (var i = 1; i <= n; i++)
        for (var j = 1; j <= m; j++)
        {
            var same = reference[i - 1] == hypothesis[j - 1];
            var diag = cost[i - 1, j - 1];
            (int Cost, int S, int D, int I) best = same ? diag : (diag.Cost + 1, diag.S + 1, diag.D, diag.I);
            var up = cost[i - 1, j];
            if (up.Cost + 1 < best.Cost) best = (up.Cost + 1, up.S, up.D + 1, up.I);
            var left = cost[i, j - 1];
            if (left.Cost + 1 < best.Cost) best = (left.Cost + 1, left.S, left.D, left.I + 1);
            cost[i, j] = best;
        }
        var end = cost[n, m];
        return new EditCounts(end.S, end.D, end.I, n);
    }
}
