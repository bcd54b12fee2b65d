using Suifang.Agent.LanguageModel;
using Suifang.Agent.Scripts;
using Suifang.Agent.Understanding;
using Suifang.Integrations.Llm;
using Suifang.Integrations.Tests.Speech;

namespace Suifang.Integrations.Tests.Llm;

/// The optional LLM through Microsoft.Extensions.AI against a local OpenAI-compatible chat-completions server:
/// only schema-valid replies are used; every failure is null and a Chinese warning, never an exception.
public sealed class LanguageModelAssistTests : IAsyncLifetime
{
    private static readonly UnderstandingContext Context = new(
        new ScriptQuestion { Key = "temperature", Text = "您现在体温多少度？", Type = AnswerType.Number, Unit = "℃", Min = 34, Max = 43 },
        new DateTime(2026, 11, 30, 10, 0, 0), []);

    private FakeOpenAiServer _server = null!;
    private readonly ListLogger<ChatClientLanguageModelAssist> _log = new();

    public async Task InitializeAsync() => _server = await FakeOpenAiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private ChatClientLanguageModelAssist Assist(string key = FakeOpenAiServer.Key, int timeoutSeconds = 5)
    {
        var options = new LlmOptions { Endpoint = _server.BaseUrl, Model = "qwen2.5-7b-instruct", ApiKey = key, TimeoutSeconds = timeoutSeconds };
        return new ChatClientLanguageModelAssist(LlmIntegration.CreateChatClient(options), options, _log);
    }

    [Fact]
    public async Task A_valid_reply_is_used_and_the_request_asks_for_the_json_schema()
    {
        _server.ChatContent = """
            {"intent":"Inform","confidence":0.92,"symptoms":[{"term":"发热","surface":"烧","status":"Present"}],
             "values":[{"type":"Number","surface":"三十八度五","number":38.5,"number2":null,"unit":"℃","date":null,"choice":null}],"callBackAt":null}
            """;

        var understanding = await Assist().UnderstandAsync("还在烧，三十八度五", Context, CancellationToken.None);

        Assert.NotNull(understanding);
        Assert.Equal(Intent.Inform, understanding.Intent);
        Assert.Equal("llm", understanding.Source);
        Assert.Equal(38.5, understanding.Values[0].Number);
        var request = Assert.Single(_server.JsonRequests);
        Assert.Equal("qwen2.5-7b-instruct", request.GetProperty("model").GetString());
        Assert.Equal("json_schema", request.GetProperty("response_format").GetProperty("type").GetString());
        Assert.Contains("还在烧，三十八度五", request.GetProperty("messages").GetRawText());
        Assert.Empty(_log.Messages);
    }

    [Fact]
    public async Task Invalid_json_is_dropped_and_logged()
    {
        _server.ChatContent = "患者说他还在发烧，体温三十八度五。";

        var understanding = await Assist().UnderstandAsync("还在烧，三十八度五", Context, CancellationToken.None);

        Assert.Null(understanding);
        Assert.Contains(_log.Messages, m => m.Contains("不是有效的 JSON"));
    }

    [Fact]
    public async Task Json_that_violates_the_schema_is_dropped_and_logged()
    {
        _server.ChatContent = """
            {"intent":"Inform","confidence":0.9,"symptoms":[],
             "values":[{"type":"Number","surface":"三十八度五","number":385,"number2":null,"unit":"℃","date":null,"choice":null}],"callBackAt":null}
            """;

        var understanding = await Assist().UnderstandAsync("还在烧，三十八度五", Context, CancellationToken.None);

        Assert.Null(understanding);
        Assert.Contains(_log.Messages, m => m.Contains("超出问题允许的范围"));
    }

    [Fact]
    public async Task A_summary_is_used_only_when_its_quotes_are_in_the_transcript()
    {
        const string transcript = "助手：伤口怎么样？\n患者：伤口有点红，还有点渗水。";
        _server.ChatContent = """{"summary":"患者伤口发红、渗液，需要护士回电。","concerns":[{"text":"伤口发红渗液","quote":"伤口有点红"}],"needsNurse":true}""";
        var good = await Assist().SummariseAsync(transcript, CancellationToken.None);
        _server.ChatContent = """{"summary":"患者胸痛。","concerns":[{"text":"胸痛","quote":"胸口很疼"}],"needsNurse":true}""";
        var invented = await Assist().SummariseAsync(transcript, CancellationToken.None);

        Assert.True(good?.NeedsNurse);
        Assert.Null(invented);
        Assert.Contains(_log.Messages, m => m.Contains("通话摘要不符合约定"));
    }

    [Fact]
    public async Task A_wrong_key_gives_null_and_a_chinese_warning_about_the_key()
    {
        var understanding = await Assist(key: "sk-wrong").UnderstandAsync("有", Context, CancellationToken.None);

        Assert.Null(understanding);
        Assert.Contains(_log.Messages, m => m.Contains("Llm:ApiKey") && m.Contains("401"));
    }

    [Fact]
    public async Task A_model_that_does_not_answer_in_time_gives_null_and_a_warning()
    {
        _server.Stall = TimeSpan.FromSeconds(3);

        var summary = await Assist(timeoutSeconds: 1).SummariseAsync("患者：没事。", CancellationToken.None);

        Assert.Null(summary);
        Assert.Contains(_log.Messages, m => m.Contains("1 秒内没有生成通话摘要"));
    }

    [Fact]
    public async Task Without_an_endpoint_nothing_is_asked_and_nothing_breaks()
    {
        var none = new NoLanguageModel();

        Assert.False(none.IsAvailable);
        Assert.Null(await none.UnderstandAsync("有", Context, CancellationToken.None));
        Assert.Null(await none.SummariseAsync("患者：没事。", CancellationToken.None));
    }
}
