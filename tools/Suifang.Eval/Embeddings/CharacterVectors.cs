using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace Suifang.Eval.Embeddings;

/// Local character embeddings that need no download: co-occurrence counts of characters (window ±2) over Chinese
/// text, turned into positive pointwise mutual information (PPMI), reduced by a truncated eigen-decomposition (the
/// SVD of the symmetric PPMI matrix, subspace iteration from a seeded start) to <see cref="Dimensions"/> dimensions,
/// each row scaled by √|λ| (Levy &amp; Goldberg's recipe). A text's vector is the mean of its characters' vectors.
/// A character never seen gets a fixed pseudo-random vector of its own (similar to itself only).
internal sealed partial class CharacterVectors : IEmbeddingGenerator<string, Embedding<float>>
{
    public const int Dimensions = 64;
    private const int Window = 2;
    private readonly Dictionary<char, float[]> vectors;

    private CharacterVectors(Dictionary<char, float[]> vectors, int sentences)
    {
        this.vectors = vectors;
        Sentences = sentences;
    }

    public int Vocabulary => vectors.Count;
    public int Sentences { get; }

    /// Learns from <paramref name="sentences"/>; deterministic for the same input.
    public static CharacterVectors Learn(IReadOnlyList<string> sentences, int dimensions = Dimensions)
    {
        var chars = sentences.SelectMany(s => s).Where(IsHan).Distinct().Order().ToList();
        var index = chars.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i);
        var n = chars.Count;
        var pairs = new Dictionary<(int, int), double>();
        foreach (var s in sentences)
        {
            var ids = s.Where(IsHan).Select(c => index[c]).ToArray();
            for (var i = 0; i < ids.Length; i++)
            for (var j = Math.Max(0, i - Window); j <= Math.Min(ids.Length - 1, i + Window); j++)
                if (j != i) pairs[(ids[i], ids[j])] = pairs.GetValueOrDefault((ids[i], ids[j])) + 1;
        }
        var rowSum = new double[n];
        foreach (var ((a, _), v) in pairs) rowSum[a] += v;
        var total = rowSum.Sum();
        var rows = Enumerable.Range(0, n).Select(_ => new List<(int Col, double Value)>()).ToArray();
        foreach (var ((a, b), v) in pairs)
        {
            var pmi = Math.Log(v * total / (rowSum[a] * rowSum[b]));
            if (pmi > 0) rows[a].Add((b, pmi));
        }
        var d = Math.Min(dimensions, Math.Max(1, n));
        var q = Orthonormal(RandomMatrix(n, d, 17));
        for (var iteration = 0; iteration < 12; iteration++) q = Orthonormal(Multiply(rows, q, d));
        var mq = Multiply(rows, q, d);
        var t = new double[d, d];
        for (var i = 0; i < d; i++)
        for (var j = 0; j < d; j++)
        {
            double sum = 0;
            for (var r = 0; r < n; r++) sum += q[r][i] * mq[r][j];
            t[i, j] = sum;
        }
        var (values, vectorsOfT) = Jacobi(t, d);
        var result = new Dictionary<char, float[]>();
        for (var r = 0; r < n; r++)
        {
            var v = new float[d];
            for (var k = 0; k < d; k++)
            {
                double sum = 0;
                for (var i = 0; i < d; i++) sum += q[r][i] * vectorsOfT[i, k];
                v[k] = (float)(sum * Math.Sqrt(Math.Abs(values[k])));
            }
            result[chars[r]] = v;
        }
        return new CharacterVectors(result, sentences.Count);
    }

    /// The Chinese text of the repository that is not evaluation data: the labelled utterances, the knowledge base,
    /// the script templates and the pathway presets (every JSON string with a Chinese character).
    public static IReadOnlyList<string> RepositoryText(string repository)
    {
        var files = new List<string>();
        void Add(string folder, string pattern)
        {
            var path = Path.Combine(repository, folder);
            if (Directory.Exists(path)) files.AddRange(Directory.GetFiles(path, pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal));
        }
        Add(Path.Combine("data", "nlu"), "*.jsonl");
        Add(Path.Combine("src", "Suifang.Core", "Knowledge", "Presets"), "*.json");
        Add(Path.Combine("src", "Suifang.Core", "Scripts", "Templates"), "*.json");
        Add(Path.Combine("src", "Suifang.Core", "Pathways", "Presets"), "*.json");
        return files.SelectMany(f => JsonString().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Where(s => s.Any(IsHan)).ToList();
    }

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        return new GeneratedEmbeddings<Embedding<float>>(values.Select(v => new Embedding<float>(Vector(v))));
    }

    /// The mean vector of the text's characters.
    public float[] Vector(string text)
    {
        var sum = new float[vectors.Values.FirstOrDefault()?.Length ?? Dimensions];
        var count = 0;
        foreach (var c in text.Where(char.IsLetterOrDigit))
        {
            var v = vectors.TryGetValue(c, out var known) ? known : Unseen(c, sum.Length);
            for (var i = 0; i < sum.Length; i++) sum[i] += v[i];
            count++;
        }
        if (count > 1) for (var i = 0; i < sum.Length; i++) sum[i] /= count;
        return sum;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose() { }

    private static float[] Unseen(char c, int d)
    {
        var random = new Random(c);
        return Enumerable.Range(0, d).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
    }

    private static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff';

    [GeneratedRegex("\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex JsonString();

    private static double[][] RandomMatrix(int n, int d, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, d).Select(_ => random.NextDouble() - 0.5).ToArray()).ToArray();
    }

    private static double[][] Multiply(List<(int Col, double Value)>[] rows, double[][] q, int d)
    {
        var result = new double[rows.Length][];
        for (var r = 0; r < rows.Length; r++)
        {
            var acc = new double[d];
            foreach (var (col, value) in rows[r])
            {
                var qc = q[col];
                for (var k = 0; k < d; k++) acc[k] += value * qc[k];
            }
            result[r] = acc;
        }
        return result;
    }

    /// Modified Gram–Schmidt on the columns.
    private static double[][] Orthonormal(double[][] m)
    {
        var n = m.Length;
        var d = n == 0 ? 0 : m[0].Length;
        for (var k = 0; k < d; k++)
        {
            for (var j = 0; j < k; j++)
            {
                double dot = 0;
                for (var r = 0; r < n; r++) dot += m[r][k] * m[r][j];
                for (var r = 0; r < n; r++) m[r][k] -= dot * m[r][j];
            }
            double norm = 0;
            for (var r = 0; r < n; r++) norm += m[r][k] * m[r][k];
            norm = Math.Sqrt(norm);
            for (var r = 0; r < n; r++) m[r][k] = norm < 1e-12 ? 0 : m[r][k] / norm;
        }
        return m;
    }

    /// Eigenvalues and eigenvectors (columns) of a small symmetric matrix by cyclic Jacobi rotations.
    internal static (double[] Values, double[,] Vectors) Jacobi(double[,] a, int n)
    {
        var v = new double[n, n];
        for (var i = 0; i < n; i++) v[i, i] = 1;
        for (var sweep = 0; sweep < 100; sweep++)
        {
            double off = 0;
            for (var p = 0; p < n; p++) for (var q = p + 1; q < n; q++) off += a[p, q] * a[p, q];
            if (off < 1e-20) break;
            for (var p = 0; p < n; p++)
            for (var q = p + 1; q < n; q++)
            {
                if (Math.Abs(a[p, q]) < 1e-30) continue;
                var theta = (a[q, q] - a[p, p]) / (2 * a[p, q]);
                var t = Math.Sign(theta == 0 ? 1 : theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                var c = 1 / Math.Sqrt(t * t + 1);
                var s = t * c;
                for (var k = 0; k < n; k++)
                {
                    var akp = a[k, p];
                    var akq = a[k, q];
                    a[k, p] = c * akp - s * akq;
                    a[k, q] = s * akp + c * akq;
                }
                for (var k = 0; k < n; k++)
                {
                    var apk = a[p, k];
                    var aqk = a[q, k];
                    a[p, k] = c * apk - s * aqk;
                    a[q, k] = s * apk + c * aqk;
                }
                for (var k = 0; k < n; k++)
                {
                    var vkp = v[k, p];
                    var vkq = v[k, q];
                    v[k, p] = c * vkp - s * vkq;
                    v[k, q] = s * vkp + c * vkq;
                }
            }
        }
        var values = new double[n];
        for (var i = 0; i < n; i++) values[i] = a[i, i];
        return (values, v);
    }
}
