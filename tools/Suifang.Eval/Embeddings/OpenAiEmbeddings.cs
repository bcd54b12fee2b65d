using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Embeddings;

namespace Suifang.Eval.Embeddings;

/// Embeddings from any OpenAI-compatible server (POST {base}/embeddings), e.g. a hospital's own model server.
internal static class OpenAiEmbeddings
{
    public static IEmbeddingGenerator<string, Embedding<float>> Create(string baseUrl, string model, string? apiKey) =>
        new EmbeddingClient(model, new ApiKeyCredential(string.IsNullOrWhiteSpace(apiKey) ? "none" : apiKey), new OpenAIClientOptions
        {
            Endpoint = new Uri(baseUrl),
            RetryPolicy = new ClientRetryPolicy(0),
            NetworkTimeout = TimeSpan.FromSeconds(60),
        }).AsIEmbeddingGenerator();

    public static string Describe(string baseUrl, string model) => $"OpenAI 兼容嵌入接口 {baseUrl}，模型 {model}";
}
