using Microsoft.Playwright;
using Suifang.Core.Accounts;
using Suifang.Testing;

namespace Suifang.EndToEnd.Tests;

public sealed class SpeechSettingsBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_admin_sees_the_active_speech_providers_and_the_browser_loads_the_test_sentence_as_playable_audio()
    {
        await StaffAccounts.CreateAsync(browser.App.Services, "speech.e2e", Roles.Admin);
        var page = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(page, "speech.e2e", StaffAccounts.Password);

        await page.GotoAsync("/settings/speech");
        await BrowserFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("provider-语音合成")).ToContainTextAsync("正常");
        await Assertions.Expect(page.GetByTestId("provider-大模型")).ToContainTextAsync("未配置");
        await page.GetByTestId("speech-listen").ClickAsync();

        var audio = page.GetByTestId("speech-audio");
        await Assertions.Expect(audio).ToBeAttachedAsync();
        await page.WaitForFunctionAsync("() => { const a = document.querySelector('[data-testid=speech-audio]'); return a && a.readyState >= 1 && a.duration > 1; }");
        var seconds = await audio.EvaluateAsync<double>("a => a.duration");
        Assert.InRange(seconds, 2, 20);
        await Assertions.Expect(page.GetByTestId("speech-figures")).ToContainTextAsync("8000 Hz");
    }
}
