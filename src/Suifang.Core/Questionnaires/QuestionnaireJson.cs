using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Suifang.Core.Questionnaires;

/// The stored form of a questionnaire's content and of answers (JSON, enums by name, Chinese kept readable).
public static class QuestionnaireJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write(QuestionnaireContent content) => JsonSerializer.Serialize(content, Options);

    public static QuestionnaireContent Read(string json) =>
        JsonSerializer.Deserialize<QuestionnaireContent>(json, Options) ?? new QuestionnaireContent();

    public static string WriteAnswers(IReadOnlyDictionary<string, string> answers) => JsonSerializer.Serialize(answers, Options);

    public static Dictionary<string, string> ReadAnswers(string? json) =>
        string.IsNullOrWhiteSpace(json) ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(json, Options) ?? [];

    public static QuestionnaireContent Clone(QuestionnaireContent content) => Read(Write(content));
}
