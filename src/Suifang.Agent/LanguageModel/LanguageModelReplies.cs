using System.Globalization;
using System.Text.Json;
using Suifang.Agent.Scripts;
using Suifang.Agent.Understanding;

namespace Suifang.Agent.LanguageModel;

/// <summary>A reply read against its schema: the value, or the Chinese reason it was rejected.</summary>
public sealed record CheckedReply<T>(T? Value, string? Problem) where T : class
{
    internal static CheckedReply<T> Reject(string problem) => new(null, problem);
}

/// <summary>
/// Reads the model's JSON and checks it against the schema and common sense (known names, value types and ranges, words
/// quoted from what was actually said). The model proposes; this code decides what is used.
/// </summary>
public static partial class LanguageModelReplies
{
    private static readonly string[] UnderstandingFields = ["intent", "confidence", "symptoms", "values", "callBackAt"];

    /// <summary>Checks an understanding reply for <paramref name="text"/> said in <paramref name="context"/>.</summary>
    public static CheckedReply<UtteranceUnderstanding> ReadUnderstanding(string? json, string text, UnderstandingContext context)
    {
        try
        {
            using var doc = JsonDocument.Parse(StripFence(json));
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return CheckedReply<UtteranceUnderstanding>.Reject("回复不是 JSON 对象。");
            if (Unexpected(root, UnderstandingFields) is { } extra)
                return CheckedReply<UtteranceUnderstanding>.Reject($"回复含有约定之外的字段“{extra}”。");
            if (!TryEnum<Intent>(root, "intent", out var intent))
                return CheckedReply<UtteranceUnderstanding>.Reject("intent 不是已知的意图名称。");
            if (!root.TryGetProperty("confidence", out var c) || c.ValueKind != JsonValueKind.Number || c.GetDouble() is < 0 or > 1)
                return CheckedReply<UtteranceUnderstanding>.Reject("confidence 应为 0 到 1 之间的数。");

            var symptoms = new List<SymptomMention>();
            foreach (var s in Items(root, "symptoms"))
            {
                var term = Text(s, "term");
                var surface = Text(s, "surface");
                if (term is null || term.Length > 20 || surface is null || !text.Contains(surface, StringComparison.Ordinal))
                    return CheckedReply<UtteranceUnderstanding>.Reject($"症状“{term}”的原话“{surface}”不在患者说的话里，或术语为空。");
                if (!TryEnum<SymptomStatus>(s, "status", out var status))
                    return CheckedReply<UtteranceUnderstanding>.Reject($"症状“{term}”的 status 不是 Present/Absent/Uncertain。");
                symptoms.Add(new SymptomMention(term, surface, status, text.IndexOf(surface, StringComparison.Ordinal), surface.Length));
            }

            var values = new List<ExtractedValue>();
            foreach (var v in Items(root, "values"))
            {
                var (value, problem) = ReadValue(v, text, context);
                if (value is null)
                    return CheckedReply<UtteranceUnderstanding>.Reject(problem!);
                values.Add(value);
            }

            DateTime? callBack = null;
            if (root.TryGetProperty("callBackAt", out var cb) && cb.ValueKind != JsonValueKind.Null)
            {
                if (cb.ValueKind != JsonValueKind.String || !DateTime.TryParseExact(cb.GetString(), ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"],
                        CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
                    return CheckedReply<UtteranceUnderstanding>.Reject("callBackAt 不是 yyyy-MM-ddTHH:mm 格式的时间。");
                if (intent != Intent.CallLater || at <= context.Now || at > context.Now.AddDays(60))
                    return CheckedReply<UtteranceUnderstanding>.Reject("callBackAt 只能用于“晚点再打”，且应在今后 60 天以内。");
                callBack = at;
            }

            return new(new UtteranceUnderstanding
            {
                Text = text, Intent = intent, Confidence = c.GetDouble(), Symptoms = symptoms, Values = values,
                CallBackAt = callBack, Source = "llm",
            }, null);
        }
        catch (JsonException)
        {
            return CheckedReply<UtteranceUnderstanding>.Reject("回复不是有效的 JSON。");
        }
        catch (InvalidOperationException)
        {
            return CheckedReply<UtteranceUnderstanding>.Reject("回复里有字段的类型不对。");
        }
    }

    private static (ExtractedValue? Value, string? Problem) ReadValue(JsonElement v, string text, UnderstandingContext context)
    {
        if (!TryEnum<AnswerType>(v, "type", out var type))
            return (null, "数值的 type 不是已知的回答类型。");
        var surface = Text(v, "surface");
        if (surface is null || !text.Contains(surface, StringComparison.Ordinal))
            return (null, $"数值的原话“{surface}”不在患者说的话里。");
        var number = Number(v, "number");
        var number2 = Number(v, "number2");
        var choice = Text(v, "choice");
        DateOnly? date = null;
        var question = context.Question is { } q && q.Type == type ? q : null;
        switch (type)
        {
            case AnswerType.Number or AnswerType.Score when number is null:
                return (null, "数值类回答缺少 number。");
            case AnswerType.Score when number is < 0 or > 10:
                return (null, $"评分 {number} 不在 0–10 之间。");
            case AnswerType.BloodPressure when number is not (>= 40 and <= 300) || number2 is not (>= 20 and <= 200) || number <= number2:
                return (null, $"血压 {number}/{number2} 不合理（收缩压 40–300，舒张压 20–200，且收缩压高于舒张压）。");
            case AnswerType.Choice when question is { Choices.Count: > 0 } && !question.Choices.Contains(choice ?? ""):
                return (null, $"选项“{choice}”不在问题的选项里。");
            case AnswerType.Date:
                if (!DateOnly.TryParseExact(Text(v, "date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                    || Math.Abs(d.DayNumber - DateOnly.FromDateTime(context.Now).DayNumber) > 400)
                    return (null, "日期不是 yyyy-MM-dd 格式，或离今天超过 400 天。");
                date = d;
                break;
        }
        if (number is not null && question is { } range && (number < range.Min || number > range.Max))
            return (null, $"数值 {number} 超出问题允许的范围 {range.Min}–{range.Max}。");
        return (new ExtractedValue
        {
            Type = type, Surface = surface, Number = number, Number2 = number2, Unit = Text(v, "unit"), Date = date,
            Choice = choice, Start = text.IndexOf(surface, StringComparison.Ordinal), Length = surface.Length,
        }, null);
    }
}
