using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Suifang.Agent.Knowledge;
using Suifang.Agent.Understanding;
using Suifang.Core.Knowledge.Presets;
using Suifang.Eval.Data;

namespace Suifang.Eval;

/// Everything a suite needs: where the data is, which split, the real agent parts, the embeddings.
internal sealed class EvalContext(EvalOptions options, IUnderstander understander, string understanderName,
    IEmbeddingGenerator<string, Embedding<float>> embeddings, string embeddingsName, IConfiguration configuration) : IDisposable
{
    private readonly Lazy<KnowledgeIndex> knowledge = new(() =>
        new KnowledgeIndex(KnowledgePresets.All.Select(p => new KnowledgeDocument(p.Key, p.Departments, p.Question, p.Variants, p.Answer))));

    public EvalOptions Options => options;
    public IUnderstander Understander => understander;
    public string UnderstanderName => understanderName;
    public IEmbeddingGenerator<string, Embedding<float>> Embeddings => embeddings;
    public string EmbeddingsName => embeddingsName;
    public IConfiguration Configuration => configuration;

    /// The shipped knowledge base (Core's presets) in the agent's own index.
    public KnowledgeIndex Knowledge => knowledge.Value;

    /// Response times of the real agent's calls (7.1.1), by what was timed ("理解", "对话").
    public Dictionary<string, List<double>> Latencies { get; } = [];

    public void Time(string what, double milliseconds)
    {
        if (!Latencies.TryGetValue(what, out var list)) Latencies[what] = list = [];
        list.Add(milliseconds);
    }

    public string DataPath(params string[] parts) => Path.Combine([options.Data, .. parts]);

    public bool Included(LabelledLine line) => options.Split == "all" || (line.Split ?? "test") == "test";

    public string ScriptPath(string file) => Path.Combine(options.Scripts, file);

    public void Dispose()
    {
        if (knowledge.IsValueCreated) knowledge.Value.Dispose();
        embeddings.Dispose();
    }
}
