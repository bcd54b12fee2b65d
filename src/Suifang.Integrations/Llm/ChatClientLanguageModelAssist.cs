using System.ClientModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Suifang.Agent.LanguageModel;
using Suifang.Agent.Understanding;

namespace Suifang.Integrations.Llm;

/// The language model through Microsoft.Extensions.AI: asks for JSON that follows the schema, checks the reply with
/// LanguageModelReplies, and returns null (with a Chinese warning in the log) on any failure — never throws.
internal sealed class ChatClientLanguageModelAssist(IChatClient client, LlmOptions options, ILogger<ChatClientLanguageModelAssist> log)
    : ILanguageModelAssist
{
    private static readonly JsonElement UnderstandingSchema = ToElement(LanguageModelSchemas.Understanding());
    private static readonly JsonElement SummarySchema = ToElement(LanguageModelSchemas.Summary());

    public bool IsAvailable => true;

    public string Name => $"{options.Model} @ {options.Endpoint}";

    public async Task<UtteranceUnderstanding?> UnderstandAsync(string text, UnderstandingContext context, CancellationToken ct)
    {
        var reply = await AskAsync("理解患者的话", LanguageModelSchemas.UnderstandingInstruction(context), text, UnderstandingSchema, "understanding", ct);
        if (reply is null)
            return null;
        var checkedReply = LanguageModelReplies.ReadUnderstanding(reply, text, context);
        if (checkedReply.Problem is not null)
            log.LogWarning("大模型对“{Text}”的理解结果不符合约定，已舍弃：{Problem}", text, checkedReply.Problem);
        return checkedReply.Value;
    }

    public async Task<CallSummary?> SummariseAsync(string transcript, CancellationToken ct)
    {
        var reply = await AskAsync("生成通话摘要", LanguageModelSchemas.SummaryInstruction, transcript, SummarySchema, "call_summary", ct);
        if (reply is null)
            return null;
        var checkedReply = LanguageModelReplies.ReadSummary(reply, transcript);
        if (checkedReply.Problem is not null)
            log.LogWarning("大模型生成的通话摘要不符合约定，已舍弃：{Problem}", checkedReply.Problem);
        return checkedReply.Value;
    }

    private async Task<string?> AskAsync(string task, string instruction, string input, JsonElement schema, string schemaName, CancellationToken ct)
    {
        var chatOptions = new ChatOptions
        {
            ModelId = options.Model,
            Temperature = 0,
            ResponseFormat = options.UseJsonSchema ? ChatResponseFormat.ForJsonSchema(schema, schemaName) : ChatResponseFormat.Json,
        };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
        try
        {
            var response = await client.GetResponseAsync(
                [new ChatMessage(ChatRole.System, instruction), new ChatMessage(ChatRole.User, input)], chatOptions, timeout.Token);
            return response.Text;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            log.LogWarning("大模型在 {Seconds} 秒内没有{Task}，本次不用大模型（可调大 Llm:TimeoutSeconds）。", options.TimeoutSeconds, task);
        }
        catch (ClientResultException e) when (e.Status is 401 or 403)
        {
            log.LogWarning("大模型服务拒绝了访问密钥（HTTP {Status}），本次不用大模型：请检查 Llm:ApiKey。", e.Status);
        }
        catch (Exception e) when (e is ClientResultException or HttpRequestException or JsonException or InvalidOperationException)
        {
            log.LogWarning(e, "调用大模型{Task}失败，本次不用大模型：{Message}", task, e.Message);
        }
        return null;
    }

    private static JsonElement ToElement(JsonObject schema) => JsonDocument.Parse(schema.ToJsonString()).RootElement.Clone();
}
