using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Suifang.Core.Data;
using Suifang.Testing;

namespace Suifang.EndToEnd.Tests;

/// The real host on a real port (Kestrel) and Debian's Chromium driven by Playwright.
public class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public SuifangWebFactory App { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        App = new SuifangWebFactory(db, Settings, testServices: TestServices);
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');

        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"Browser tests need Debian's Chromium at {ChromiumPath}: apt-get install chromium fonts-noto-cjk (./test.sh does this).");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// Host settings a test class's fixture sets (e.g. demo data).
    protected virtual IDictionary<string, string?>? Settings => null;

    /// Services a test class's fixture adds to the host, e.g. a test double of a part another helper writes.
    protected virtual void TestServices(IServiceCollection services)
    {
    }

    public async Task<IPage> NewPageAsync(int width = 1366, int height = 900)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseUrl, Locale = "zh-CN", ViewportSize = new() { Width = width, Height = height } });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// Logs in through the form and waits until the interactive page is connected.
    public static async Task LoginAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#login-submit");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    public static Task WaitForCircuitAsync(IPage page) =>
        page.Locator("[data-circuit=ready]").WaitForAsync();

    /// Waits until the interactive page at the current address has loaded its own data and no dialog on it is still
    /// loading (the page's and dialogs' LoadMarker). Use it before the first click or edit on a page that loads data:
    /// a click made while the page is still loading lands on markup that the loaded page replaces and is lost.
    public static async Task WaitForPageLoadedAsync(IPage page)
    {
        await WaitForCircuitAsync(page);
        try
        {
            await page.WaitForFunctionAsync(PageLoaded);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{page.Url} did not finish loading; a page waited for this way shows <LoadMarker Loaded=\"...\" /> (Components/Shared).", e);
        }
    }

    // The marker of the page now shown (not the page before an in-app navigation), and nothing still loading.
    private const string PageLoaded = """
        () => !document.querySelector('[data-loading]')
            && [...document.querySelectorAll('[data-loaded]')].some(e => e.getAttribute('data-loaded') === location.pathname)
        """;

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}
