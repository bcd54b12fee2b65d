using System.Text.Json.Nodes;
using Suifang.Agent.Scripts;
using Suifang.Agent.Understanding;

namespace Suifang.Agent.LanguageModel;

/// <summary>The JSON schemas the model is asked to follow; replies are checked against them by <see cref="LanguageModelReplies"/>.</summary>
public static class LanguageModelSchemas
{
    /// <summary>Schema of an understanding reply.</summary>
    public static JsonObject Understanding() => Obj(
        ("intent", Enum(System.Enum.GetNames<Intent>())),
        ("confidence", new JsonObject { ["type"] = "number", ["minimum"] = 0, ["maximum"] = 1 }),
        ("symptoms", Array(Obj(
            ("term", Str()), ("surface", Str()), ("status", Enum(System.Enum.GetNames<SymptomStatus>()))))),
        ("values", Array(Obj(
            ("type", Enum(System.Enum.GetNames<AnswerType>())), ("surface", Str()),
            ("number", Nullable("number")), ("number2", Nullable("number")), ("unit", Nullable("string")),
            ("date", Nullable("string")), ("choice", Nullable("string"))))),
        ("callBackAt", Nullable("string")));

    /// <summary>Schema of a call summary reply.</summary>
    public static JsonObject Summary() => Obj(
        ("summary", Str()),
        ("concerns", Array(Obj(("text", Str()), ("quote", Str())))),
        ("needsNurse", new JsonObject { ["type"] = "boolean" }));

    /// <summary>The instruction for understanding one utterance.</summary>
    public static string UnderstandingInstruction(UnderstandingContext context)
    {
        var question = context.Question is { } q
            ? $"刚才问患者的问题是：“{q.Text}”（回答类型 {q.Type}{(q.Unit is null ? "" : "，单位 " + q.Unit)}{(q.Choices.Count == 0 ? "" : "，选项：" + string.Join("、", q.Choices))}）。"
            : "当前不在提问环节。";
        var mentioned = context.Mentioned.Count == 0 ? "" : $"本次通话前面提到过：{string.Join("、", context.Mentioned)}。";
        return "你是医院随访电话的语言理解模块，只输出符合给定 JSON Schema 的 JSON，不要输出其他文字。" +
               $"现在是 {context.Now:yyyy-MM-dd HH:mm}。{question}{mentioned}" +
               "判断患者这句话的意图（intent），列出提到的症状（term 用标准术语，surface 必须是原话中的原文，status 为有/没有/不确定），" +
               "以及说出的数值（surface 必须是原话中的原文；日期写成 yyyy-MM-dd）。患者说晚点再打时，callBackAt 写成 yyyy-MM-ddTHH:mm，否则为 null。" +
               "“嗯”“好”“啊”这类应声词的意图是 Filler，不算回答。不要猜测原话里没有的内容。";
    }

    /// <summary>The instruction for summarising a call.</summary>
    public const string SummaryInstruction =
        "你是随访护士的助手。阅读下面的随访通话记录，只输出符合给定 JSON Schema 的 JSON：summary 用三句以内的通俗中文概括患者情况；" +
        "concerns 列出需要护士关注的问题，每条的 quote 必须逐字摘自通话记录中患者的原话；needsNurse 表示是否需要护士回电。" +
        "不要做诊断，不要给用药建议，不要编造记录里没有的内容。";

    private static JsonObject Obj(params (string Name, JsonNode Schema)[] properties)
    {
        var props = new JsonObject();
        foreach (var (name, schema) in properties)
            props[name] = schema;
        return new JsonObject
        {
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["required"] = new JsonArray(properties.Select(p => (JsonNode)JsonValue.Create(p.Name)).ToArray()),
            ["properties"] = props,
        };
    }

    private static JsonObject Str() => new() { ["type"] = "string" };
    private static JsonObject Nullable(string type) => new() { ["type"] = new JsonArray(type, "null") };
    private static JsonObject Array(JsonNode items) => new() { ["type"] = "array", ["items"] = items, ["maxItems"] = 10 };
    private static JsonObject Enum(string[] names) =>
        new() { ["type"] = "string", ["enum"] = new JsonArray(names.Select(n => (JsonNode)JsonValue.Create(n)).ToArray()) };
}
