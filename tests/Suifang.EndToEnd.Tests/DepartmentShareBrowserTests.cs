using Microsoft.Playwright;
using Suifang.Core.Accounts;
using Suifang.Testing;

namespace Suifang.EndToEnd.Tests;

/// 7.2.5.2 in Chromium: an administrator gives one department its own sampling share on /quality/settings; a share
/// outside 0–100 is refused in plain Chinese; clearing it lets the department follow the hospital's share again.
public sealed class DepartmentShareBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_admin_sets_a_departments_sampling_share_is_told_when_it_is_out_of_range_and_can_clear_it()
    {
        await StaffAccounts.EnsureDepartmentAsync(browser.App.Services, "XNK", "心血管内科");
        await StaffAccounts.CreateAsync(browser.App.Services, "qc.admin", Roles.Admin);
        var page = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(page, "qc.admin", StaffAccounts.Password);
        await page.GotoAsync("/quality/settings");
        await BrowserFixture.WaitForPageLoadedAsync(page);
        await Assertions.Expect(page.GetByTestId("department-share")).ToHaveCountAsync(0);

        await ChooseDepartmentAsync(page, "心血管内科");
        var percent = page.Locator("[data-testid=department-share-percent] input, input[data-testid=department-share-percent]").First;
        await percent.FillAsync("150");
        await percent.BlurAsync();
        await page.GetByTestId("department-share-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("department-share-error")).ToBeVisibleAsync();
        Assert.Contains("0 到 100", await page.GetByTestId("department-share-error").InnerTextAsync());

        await percent.FillAsync("20");
        await percent.BlurAsync();
        await page.GetByTestId("department-share-save").ClickAsync();
        var row = page.GetByTestId("department-share");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("心血管内科");
        await Assertions.Expect(row).ToContainTextAsync("20%");

        await row.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.GetByTestId("department-share")).ToHaveCountAsync(0);
    }

    /// Opens the department list and picks one. A click that lands while the page is still loading its departments opens
    /// an empty list (CI saw it once; WaitForPageLoadedAsync waits for them now): the list is opened again until the
    /// department is in it, as a list opened under heavy load can still show empty for a moment.
    private static async Task ChooseDepartmentAsync(IPage page, string name)
    {
        var item = page.Locator(".mud-popover-open .mud-list-item", new() { HasText = name });
        for (var attempt = 1; ; attempt++)
        {
            await page.GetByTestId("department-share-department").ClickAsync();
            try
            {
                await item.WaitForAsync(new() { Timeout = 3_000 });
                break;
            }
            catch (TimeoutException) when (attempt < 4)
            {
                await page.Keyboard.PressAsync("Escape");
            }
        }
        await item.ClickAsync();
    }
}
