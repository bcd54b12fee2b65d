using Suifang.Agent.LanguageModel;
using Suifang.Agent.Scripts;
using Suifang.Agent.Understanding;

namespace Suifang.Agent.Tests.LanguageModel;

/// The language model proposes, code decides: replies outside the schema are dropped.
public sealed class LanguageModelRepliesTests
{
    private static readonly DateTime Now = new(2026, 11, 30, 10, 0, 0);

    private static readonly ScriptQuestion Temperature = new()
    {
        Key = "temperature", Text = "您现在体温多少度？", Type = AnswerType.Number, Unit = "℃", Min = 34, Max = 43,
    };

    private static UnderstandingContext Asked(ScriptQuestion q) => new(q, Now, []);

    [Fact]
    public void A_valid_reply_becomes_an_understanding_from_the_llm_with_offsets()
    {
        const string said = "昨天烧到三十八度五，今天不烧了";
        var json = """
            {"intent":"Inform","confidence":0.9,
             "symptoms":[{"term":"发热","surface":"不烧了","status":"Absent"}],
             "values":[{"type":"Number","surface":"三十八度五","number":38.5,"number2":null,"unit":"℃","date":null,"choice":null}],
             "callBackAt":null}
            """;

        var reply = LanguageModelReplies.ReadUnderstanding(json, said, Asked(Temperature));

        Assert.Null(reply.Problem);
        var u = reply.Value!;
        Assert.Equal(Intent.Inform, u.Intent);
        Assert.Equal("llm", u.Source);
        Assert.Equal(SymptomStatus.Absent, u.Symptoms[0].Status);
        Assert.Equal(said.IndexOf("不烧了", StringComparison.Ordinal), u.Symptoms[0].Start);
        Assert.Equal(38.5, u.Values[0].Number);
    }

    [Fact]
    public void Json_in_a_markdown_fence_is_read()
    {
        var reply = LanguageModelReplies.ReadUnderstanding(
            "```json\n{\"intent\":\"Affirm\",\"confidence\":0.8,\"symptoms\":[],\"values\":[],\"callBackAt\":null}\n```", "是的", Open());

        Assert.Equal(Intent.Affirm, reply.Value?.Intent);
    }

    [Theory]
    [InlineData("这不是 JSON", "不是有效的 JSON")]
    [InlineData("""{"intent":"Happy","confidence":0.8,"symptoms":[],"values":[],"callBackAt":null}""", "意图")]
    [InlineData("""{"intent":"Affirm","confidence":1.8,"symptoms":[],"values":[],"callBackAt":null}""", "confidence")]
    [InlineData("""{"intent":"Affirm","confidence":"high","symptoms":[],"values":[],"callBackAt":null}""", "confidence")]
    [InlineData("""{"intent":"Affirm","confidence":0.8,"symptoms":[],"values":[],"callBackAt":null,"advice":"多喝水"}""", "advice")]
    [InlineData("""{"intent":"Affirm","confidence":0.8,"symptoms":[{"term":"胸痛","surface":"胸口疼","status":"Present"}],"values":[],"callBackAt":null}""", "不在患者说的话里")]
    [InlineData("""{"intent":"Affirm","confidence":0.8,"symptoms":[{"term":"发热","surface":"有","status":"Maybe"}],"values":[],"callBackAt":null}""", "status")]
    [InlineData("""{"intent":"Affirm","confidence":0.8,"symptoms":"none","values":[],"callBackAt":null}""", "类型")]
    public void Replies_outside_the_schema_are_rejected_with_a_reason(string json, string reason)
    {
        var reply = LanguageModelReplies.ReadUnderstanding(json, "有", Open());

        Assert.Null(reply.Value);
        Assert.Contains(reason, reply.Problem);
    }

    [Theory]
    [InlineData(48.0)]
    [InlineData(3.85)]
    public void A_number_outside_the_questions_range_is_rejected(double number)
    {
        var json = $$"""{"intent":"Inform","confidence":0.9,"symptoms":[],"values":[{"type":"Number","surface":"三十八度五","number":{{number}},"number2":null,"unit":"℃","date":null,"choice":null}],"callBackAt":null}""";

        var reply = LanguageModelReplies.ReadUnderstanding(json, "三十八度五", Asked(Temperature));

        Assert.Null(reply.Value);
        Assert.Contains("范围", reply.Problem);
    }

    [Fact]
    public void A_choice_not_offered_and_an_impossible_blood_pressure_are_rejected()
    {
        var q = new ScriptQuestion { Key = "satisfaction", Text = "您满意吗？", Type = AnswerType.Choice, Choices = ["满意", "一般", "不满意"] };
        var choice = LanguageModelReplies.ReadUnderstanding(
            """{"intent":"Inform","confidence":0.9,"symptoms":[],"values":[{"type":"Choice","surface":"很好","number":null,"number2":null,"unit":null,"date":null,"choice":"非常满意"}],"callBackAt":null}""",
            "很好", Asked(q));
        var pressure = LanguageModelReplies.ReadUnderstanding(
            """{"intent":"Inform","confidence":0.9,"symptoms":[],"values":[{"type":"BloodPressure","surface":"九十五一百五","number":95,"number2":150,"unit":"mmHg","date":null,"choice":null}],"callBackAt":null}""",
            "九十五一百五", Open());

        Assert.Contains("选项", choice.Problem);
        Assert.Contains("血压", pressure.Problem);
    }

    [Fact]
    public void Call_back_time_is_kept_only_for_call_later_and_in_the_future()
    {
        const string later = """{"intent":"CallLater","confidence":0.9,"symptoms":[],"values":[],"callBackAt":"2026-11-30T18:00"}""";
        const string past = """{"intent":"CallLater","confidence":0.9,"symptoms":[],"values":[],"callBackAt":"2026-11-29T18:00"}""";
        const string wrongIntent = """{"intent":"Affirm","confidence":0.9,"symptoms":[],"values":[],"callBackAt":"2026-11-30T18:00"}""";

        Assert.Equal(new DateTime(2026, 11, 30, 18, 0, 0), LanguageModelReplies.ReadUnderstanding(later, "晚上六点再打", Open()).Value?.CallBackAt);
        Assert.Null(LanguageModelReplies.ReadUnderstanding(past, "晚上六点再打", Open()).Value);
        Assert.Null(LanguageModelReplies.ReadUnderstanding(wrongIntent, "晚上六点再打", Open()).Value);
    }

    [Fact]
    public void A_summary_is_kept_when_every_concern_quotes_the_transcript()
    {
        const string transcript = "助手：伤口怎么样？\n患者：伤口有点红，还有点渗水。";
        var ok = LanguageModelReplies.ReadSummary(
            """{"summary":"患者伤口发红、渗液。","concerns":[{"text":"伤口发红渗液","quote":"伤口有点红，还有点渗水"}],"needsNurse":true}""", transcript);
        var invented = LanguageModelReplies.ReadSummary(
            """{"summary":"患者发热。","concerns":[{"text":"发热","quote":"我发烧了"}],"needsNurse":true}""", transcript);
        var missingFlag = LanguageModelReplies.ReadSummary("""{"summary":"患者良好。","concerns":[]}""", transcript);

        Assert.True(ok.Value?.NeedsNurse);
        Assert.Single(ok.Value!.Concerns);
        Assert.Contains("编造", invented.Problem);
        Assert.Contains("needsNurse", missingFlag.Problem);
    }

    [Fact]
    public void Schemas_list_every_intent_and_require_every_field()
    {
        var schema = LanguageModelSchemas.Understanding();

        var intents = schema["properties"]!["intent"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>());
        Assert.Equal(Enum.GetNames<Intent>(), intents);
        Assert.Equal(5, schema["required"]!.AsArray().Count);
        Assert.Equal(3, LanguageModelSchemas.Summary()["required"]!.AsArray().Count);
    }

    private static UnderstandingContext Open() => UnderstandingContext.Open(Now);
}
