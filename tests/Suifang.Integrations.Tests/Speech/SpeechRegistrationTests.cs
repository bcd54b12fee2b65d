using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Suifang.Agent.LanguageModel;
using Suifang.Agent.Speech;
using Suifang.Integrations.Llm;
using Suifang.Integrations.Speech;
using Suifang.Integrations.Speech.Espeak;
using Suifang.Integrations.Speech.OpenAi;

namespace Suifang.Integrations.Tests.Speech;

/// AddSpeech: options bound and validated at start with Chinese messages, providers chosen by settings, health check.
public sealed class SpeechRegistrationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("suifang-speech-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private readonly SetClock _clock = new(DateTimeOffset.UtcNow);

    private ServiceProvider Build(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))
                .Append(new("Speech:Cache:Folder", _folder)))
            .Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddSingleton<TimeProvider>(_clock);
        services.AddSpeech(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task With_nothing_configured_espeak_speaks_behind_the_cache_and_no_asr_or_llm_is_needed()
    {
        await using var sp = Build();

        Assert.IsType<GuardedTextToSpeech>(sp.GetRequiredService<ITextToSpeech>());
        Assert.IsType<EspeakTextToSpeech>(sp.GetRequiredService<CachingTextToSpeech>().Inner);
        Assert.Null(sp.GetService<ISpeechToText>());
        Assert.False(sp.GetRequiredService<ILanguageModelAssist>().IsAvailable);
        Assert.NotNull(sp.GetRequiredService<SpeechGuard>());
        var health = await sp.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Healthy, health.Status);
    }

    [Fact]
    public async Task Choosing_iflytek_without_keys_fails_at_start_with_chinese_messages()
    {
        await using var sp = Build(("Speech:Tts:Provider", "iflytek"));

        var e = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IOptions<SpeechOptions>>().Value);

        Assert.Contains(e.Failures, f => f.Contains("没有配置 Speech:Iflytek:AppId"));
        Assert.Contains(e.Failures, f => f.Contains("没有配置 Speech:Iflytek:ApiSecret"));
    }

    [Fact]
    public async Task An_llm_endpoint_without_a_model_fails_at_start_with_a_chinese_message()
    {
        await using var sp = Build(("Llm:Endpoint", "http://llm.hospital.local/v1"));

        var e = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IOptions<LlmOptions>>().Value);

        Assert.Contains("Llm:Model", e.Message);
    }

    [Fact]
    public async Task OpenAi_providers_and_the_llm_are_used_when_configured_and_report_healthy()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        await using var sp = Build(
            ("Speech:Tts:Provider", "openai"), ("Speech:Asr:Provider", "openai"),
            ("Speech:OpenAi:BaseUrl", server.BaseUrl), ("Speech:OpenAi:ApiKey", FakeOpenAiServer.Key),
            ("Llm:Endpoint", server.BaseUrl), ("Llm:Model", "qwen2.5-7b-instruct"), ("Llm:ApiKey", FakeOpenAiServer.Key));

        var tts = sp.GetRequiredService<ITextToSpeech>();
        await tts.SynthesizeAsync("您好", false, CancellationToken.None);
        await tts.SynthesizeAsync("您好", false, CancellationToken.None);

        Assert.Single(server.JsonRequests);
        Assert.IsType<OpenAiSpeechToText>(sp.GetRequiredService<ISpeechToText>());
        Assert.IsType<ChatClientLanguageModelAssist>(sp.GetRequiredService<ILanguageModelAssist>());
        var health = await sp.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Healthy, health.Status);
    }

    [Fact]
    public async Task An_unreachable_provider_makes_the_health_check_degraded_and_says_so_in_chinese()
    {
        await using var sp = Build(("Speech:Tts:Provider", "openai"), ("Speech:OpenAi:BaseUrl", "http://127.0.0.1:9/v1"));

        var health = await sp.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.Contains("语音合成", health.Entries["speech"].Description);
        Assert.Contains("连不上语音合成服务", health.Entries["speech"].Description);
    }

    [Fact]
    public async Task Frequent_health_polls_reuse_the_result_for_30_seconds()
    {
        var server = await FakeOpenAiServer.StartAsync();
        await using var sp = Build(("Speech:Tts:Provider", "openai"), ("Speech:OpenAi:BaseUrl", server.BaseUrl), ("Speech:OpenAi:ApiKey", FakeOpenAiServer.Key));
        var health = sp.GetRequiredService<HealthCheckService>();
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync()).Status);
        await server.DisposeAsync();

        _clock.Now += TimeSpan.FromSeconds(29);
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync()).Status);
        _clock.Now += TimeSpan.FromSeconds(2);
        Assert.Equal(HealthStatus.Degraded, (await health.CheckHealthAsync()).Status);
    }

    [Fact]
    public async Task A_wrong_llm_key_shows_in_the_health_check()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        await using var sp = Build(("Llm:Endpoint", server.BaseUrl), ("Llm:Model", "m"), ("Llm:ApiKey", "sk-wrong"));

        var health = await sp.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.Contains("大模型", health.Entries["speech"].Description);
        Assert.Contains("拒绝了访问密钥", health.Entries["speech"].Description);
    }
}
