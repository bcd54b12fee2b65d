using Bunit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Suifang.Core.Accounts;
using Suifang.Integrations.Speech;
using Suifang.Web.Help;
using Suifang.Web.Speech;

namespace Suifang.Integrations.Tests.Speech;

/// /settings/speech: which providers are active, and "试听" synthesises a sentence and plays it in the browser.
public sealed class SpeechSettingsPageTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("suifang-speech-page-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private BunitContext Context(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings
            .Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)).Append(new("Speech:Cache:Folder", _folder))).Build();
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLocalization();
        ctx.Services.AddLogging();
        ctx.Services.AddSingleton<IConfiguration>(configuration);
        ctx.Services.AddSpeech(configuration);
        ctx.AddAuthorization().SetAuthorized("管理员").SetRoles(Roles.Admin);
        return ctx;
    }

    [Fact]
    public async Task The_page_shows_the_active_providers_and_plays_a_test_sentence_then_serves_it_from_the_cache()
    {
        await using var ctx = Context();
        var page = ctx.Render<SpeechSettingsPage>();

        page.WaitForAssertion(() => Assert.Contains("正常", page.Find("[data-testid='provider-语音合成']").TextContent), TimeSpan.FromSeconds(20));
        Assert.Contains("espeak-ng cmn-latn-pinyin", page.Find("[data-testid='provider-语音合成']").TextContent);
        Assert.Contains("未配置", page.Find("[data-testid='provider-语音识别']").TextContent);
        Assert.Contains("未配置", page.Find("[data-testid='provider-大模型']").TextContent);

        await page.InvokeAsync(() => page.Find("[data-testid=speech-listen]").Click());
        page.WaitForAssertion(() => Assert.StartsWith("data:audio/wav;base64,UklGR", page.Find("[data-testid=speech-audio]").GetAttribute("src")), TimeSpan.FromSeconds(20));
        Assert.Contains("新合成", page.Find("[data-testid=speech-figures]").TextContent);
        Assert.Contains("8000 Hz", page.Find("[data-testid=speech-figures]").TextContent);

        await page.InvokeAsync(() => page.Find("[data-testid=speech-listen]").Click());
        page.WaitForAssertion(() => Assert.Contains("来自提示音缓存", page.Find("[data-testid=speech-figures]").TextContent), TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task A_forbidden_sentence_is_explained_and_the_fallback_is_what_plays()
    {
        await using var ctx = Context();
        var page = ctx.Render<SpeechSettingsPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=speech-providers]"), TimeSpan.FromSeconds(20));
        await page.InvokeAsync(() => page.Find("textarea").Change("按时吃药，保证治愈。"));

        await page.InvokeAsync(() => page.Find("[data-testid=speech-listen]").Click());

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=speech-audio]")), TimeSpan.FromSeconds(20));
        var findings = page.Find("[data-testid=speech-findings]").TextContent;
        Assert.Contains("不能对患者说", findings);
        Assert.Contains("保证治愈", findings);
        Assert.True(ctx.Services.GetRequiredService<CachingTextToSpeech>().IsCached("这个问题我先记下来，稍后请护士给您回电话，好吗？", false));
    }

    [Fact]
    public async Task An_unreachable_provider_shows_why_on_the_page_and_when_listening()
    {
        await using var ctx = Context(("Speech:Tts:Provider", "openai"), ("Speech:OpenAi:BaseUrl", "http://127.0.0.1:9/v1"));
        var page = ctx.Render<SpeechSettingsPage>();

        page.WaitForAssertion(() => Assert.Contains("不可用", page.Find("[data-testid='provider-语音合成']").TextContent), TimeSpan.FromSeconds(20));
        await page.InvokeAsync(() => page.Find("[data-testid=speech-listen]").Click());

        page.WaitForAssertion(() => Assert.Contains("连不上语音合成服务", page.Find("[data-testid=speech-error]").TextContent), TimeSpan.FromSeconds(20));
    }

    [Theory]
    [InlineData("讯飞 发音人", "语音与大模型设置")]
    [InlineData("试听", "语音与大模型设置")]
    public void The_help_article_is_found_by_chinese_keywords(string query, string title) =>
        Assert.Contains(new HelpCentre().Search(query), a => a.Title == title);
}
