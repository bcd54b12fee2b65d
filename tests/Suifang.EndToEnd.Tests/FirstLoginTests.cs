using Microsoft.Playwright;
using Suifang.Testing;

namespace Suifang.EndToEnd.Tests;

public sealed class FirstLoginTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_admin_logs_in_changes_the_initial_password_and_reaches_the_home_page()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(page, "admin", SuifangWebFactory.AdminPassword);
        Assert.Contains("/account/change-password", page.Url);
        await Assertions.Expect(page.GetByTestId("first-login-hint")).ToBeVisibleAsync();

        await page.FillAsync("#current", SuifangWebFactory.AdminPassword);
        await page.FillAsync("#new", "short");
        await page.FillAsync("#confirm", "short");
        await page.ClickAsync("#change-password-submit");
        await Assertions.Expect(page.GetByTestId("change-password-error")).ToContainTextAsync("至少需要 8 位");

        await page.FillAsync("#current", SuifangWebFactory.AdminPassword);
        await page.FillAsync("#new", "new-admin-pass-1");
        await page.FillAsync("#confirm", "new-admin-pass-1");
        await page.ClickAsync("#change-password-submit");
        await BrowserFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("nav")).ToContainTextAsync("审计日志");
    }
}
