using Microsoft.Playwright;
using Suifang.Core.Accounts;
using Suifang.Testing;

namespace Suifang.EndToEnd.Tests;

public sealed class AdminAndHelpTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_admin_creates_a_nurse_who_signs_in_with_the_one_time_password_and_anyone_can_search_the_help_centre()
    {
        await StaffAccounts.EnsureDepartmentAsync(browser.App.Services, "XNK", "心血管内科", "心内科;心内");
        await StaffAccounts.CreateAsync(browser.App.Services, "it.e2e", Roles.Admin);
        var page = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(page, "it.e2e", StaffAccounts.Password);
        await page.GotoAsync("/admin/users");
        await BrowserFixture.WaitForPageLoadedAsync(page);

        await page.GetByTestId("account-new").ClickAsync();
        await page.GetByTestId("account-username-input").FillAsync("nurse.e2e");
        await page.GetByTestId("account-displayname-input").FillAsync("周静");
        await page.GetByTestId("role-nurse").ClickAsync();
        await BrowserFixture.WaitForPageLoadedAsync(page);   // the dialog's list of departments
        await page.GetByTestId("account-departments").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "心血管内科" }).ClickAsync();
        await page.GetByTestId("account-displayname-input").ClickAsync(new() { Force = true });
        await page.GetByTestId("account-save").ClickAsync();

        var password = page.GetByTestId("one-time-password");
        await Assertions.Expect(password).ToBeVisibleAsync(new() { Timeout = 15_000 });   // hashing the password is slow on a busy machine
        var oneTime = (await password.InnerTextAsync()).Trim();
        Assert.Equal(14, oneTime.Length);
        await page.GetByTestId("one-time-password-close").ClickAsync();
        await Assertions.Expect(page.GetByTestId("account-table")).ToContainTextAsync("nurse.e2e");
        await Assertions.Expect(page.GetByTestId("account-table")).ToContainTextAsync("待修改初始密码");

        var nurse = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(nurse, "nurse.e2e", oneTime);
        Assert.Contains("/account/change-password", nurse.Url);
        await Assertions.Expect(nurse.GetByTestId("first-login-hint")).ToBeVisibleAsync();

        await page.GotoAsync("/help");
        await BrowserFixture.WaitForCircuitAsync(page);
        await page.GetByTestId("help-search").FillAsync("锁定");
        var result = page.GetByTestId("help-result").Filter(new() { HasText = "常见问题" });
        await Assertions.Expect(result).ToBeVisibleAsync();
        await result.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByTestId("help-article")).ToContainTextAsync("账号已锁定");
    }
}
