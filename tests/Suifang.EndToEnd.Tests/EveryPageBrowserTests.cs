using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Suifang.Core.Data;

namespace Suifang.EndToEnd.Tests;

/// The demo hospital (what a hospital sees on its first day) with its staff accounts.
public sealed class DemoBrowserFixture : BrowserFixture
{
    public const string Password = "demo-Pass-2026";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Suifang:DemoData"] = "true",
        ["Suifang:DemoPatients"] = "300",
        ["Suifang:DemoPassword"] = Password,
        ["Tasks:DispatcherEnabled"] = "false",
    };
}

/// Every page a user can open, visited in a real browser over the demo hospital — as the administrator (everything) and
/// as a ward nurse (her department, or the Chinese "no permission" notice): each one renders in Chinese without an error
/// banner, a script error, an untranslated resource key or a technical message (8.1.1, 8.2.2). A page added later is
/// visited without changing this test: the routes come from the web assembly.
public sealed class EveryPageBrowserTests(DemoBrowserFixture browser) : IClassFixture<DemoBrowserFixture>
{
    /// Pages that are not destinations of their own: the error page shows an error on purpose, login redirects when signed
    /// in, and the "no permission" page is where refused pages lead (the nurse meets it that way).
    private static readonly HashSet<string> NotVisited = ["/error", "/account/login", "/account/access-denied"];

    /// A resource key shown instead of its text looks like "List.Title" or "Common.Search".
    private static readonly Regex ResourceKey = new(@"^[A-Z][A-Za-z0-9]+(\.[A-Z][A-Za-z0-9]+)+$");

    private static readonly string[] TechnicalWords = ["Exception", "NullReference", "Object reference", "at Suifang.", "System.", "stack trace", "undefined"];

    /// Pages rendered on the server without a circuit (sign-in forms, status and error pages).
    private static readonly HashSet<string> WithoutCircuit = typeof(Program).Assembly.GetTypes()
        .Where(t => t.GetCustomAttribute<ExcludeFromInteractiveRoutingAttribute>() is not null)
        .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
        .Select(r => Regex.Replace(r.Template, @"\{[^}]*\}", "*"))
        .ToHashSet();

    public static IEnumerable<string> StaticRoutes() =>
        typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => r.Template)
            .Where(t => !t.Contains('{') && !NotVisited.Contains(t))
            .Distinct()
            .Order(StringComparer.Ordinal);

    [Fact]
    public async Task The_administrator_opens_every_page_and_each_renders_in_chinese_without_an_error()
    {
        var page = await SignedInAsync("it.admin");
        var visited = new List<string>();
        foreach (var route in StaticRoutes().Concat(await DetailRoutesAsync()))
        {
            await AssertCleanAsync(page, route, allowDenied: false);
            visited.Add(route);
        }
        Assert.True(visited.Count >= 50, $"only {visited.Count} pages were visited: {string.Join(" ", visited)}");
    }

    [Fact]
    public async Task A_ward_nurse_opens_every_page_and_sees_it_or_the_chinese_no_permission_notice()
    {
        var page = await SignedInAsync("nurse.xnk");
        var denied = new List<string>();
        foreach (var route in StaticRoutes())
            if (await AssertCleanAsync(page, route, allowDenied: true))
                denied.Add(route);
        Assert.Contains("/admin/users", denied);
        Assert.DoesNotContain("/todos", denied);
        Assert.DoesNotContain("/patients/discharged", denied);
    }

    private async Task<IPage> SignedInAsync(string userName)
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(page, userName, DemoBrowserFixture.Password);
        return page;
    }

    /// One example of each detail page, from the demo hospital's own rows.
    private async Task<List<string>> DetailRoutesAsync()
    {
        await using var db = await browser.App.Services.GetRequiredService<IDbContextFactory<SuifangDbContext>>().CreateDbContextAsync();
        var routes = new List<string>
        {
            $"/patients/{await db.Patients.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync()}",
            $"/patients/{await db.Patients.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync()}/edit",
            $"/pathways/{await db.Pathways.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync()}",
            $"/scripts/{await db.Scripts.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync()}",
            $"/questionnaires/{await db.Questionnaires.OrderBy(q => q.Id).Select(q => q.Id).FirstAsync()}",
            $"/questionnaires/{await db.Questionnaires.OrderBy(q => q.Id).Select(q => q.Id).FirstAsync()}/results",
            $"/manual/templates/{await db.ManualFormTemplates.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync()}",
            "/help/questionnaires",
            "/status/404",
        };
        if (await db.Plans.OrderBy(p => p.Id).Select(p => (long?)p.Id).FirstOrDefaultAsync() is { } plan)
            routes.Add($"/plans/{plan}");
        if (await db.Todos.OrderBy(t => t.Id).Select(t => (long?)t.Id).FirstOrDefaultAsync() is { } todo)
            routes.Add($"/todos/{todo}");
        if (await db.Calls.OrderBy(c => c.Id).Select(c => (long?)c.Id).FirstOrDefaultAsync() is { } call)
            routes.Add($"/calls/{call}");
        return routes;
    }

    /// Opens the page and checks it; true when it showed the "no permission" notice (allowed only when allowDenied).
    private static async Task<bool> AssertCleanAsync(IPage page, string route, bool allowDenied)
    {
        var scriptErrors = new List<string>();
        void OnConsole(object? _, IConsoleMessage m)
        {
            if (m.Type == "error")
                scriptErrors.Add(m.Text);
        }
        void OnError(object? _, string e) => scriptErrors.Add(e);
        page.Console += OnConsole;
        page.PageError += OnError;
        try
        {
            var response = await page.GotoAsync(route);
            Assert.True(response is { Status: < 400 } || route.StartsWith("/status/", StringComparison.Ordinal),
                $"{route} answered {response?.Status}");
            // A page the user may not open redirects to the (static) "no permission" page.
            var landed = new Uri(page.Url).AbsolutePath;
            var interactive = !WithoutCircuit.Any(r => Regex.IsMatch(landed, "^" + Regex.Escape(r).Replace("\\*", "[^/]+") + "$"));
            if (interactive)
            {
                try
                {
                    await BrowserFixture.WaitForCircuitAsync(page);
                }
                catch (TimeoutException e)
                {
                    throw new TimeoutException($"{route}: the page did not become interactive", e);
                }
                // Let the page finish loading its data over the circuit.
                await page.WaitForTimeoutAsync(250);
            }

            Assert.False(await page.Locator("#blazor-error-ui").IsVisibleAsync(), $"{route}: the unhandled-error banner is shown");
            Assert.Equal(0, await page.GetByTestId("error-boundary").CountAsync());
            var denied = landed == "/account/access-denied" || await page.GetByTestId("access-denied").CountAsync() > 0;
            Assert.True(allowDenied || !denied, $"{route}: the administrator was refused");
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", await page.TitleAsync());

            var text = await page.Locator("body").InnerTextAsync();
            foreach (var word in TechnicalWords)
                Assert.False(text.Contains(word, StringComparison.Ordinal), $"{route} shows “{word}”: {Around(text, word)}");
            var keys = (await page.EvaluateAsync<string[]>(
                    "() => [...document.querySelectorAll('body *')].filter(e => e.children.length === 0).map(e => e.textContent.trim()).filter(t => t.length > 0)"))
                .Where(t => ResourceKey.IsMatch(t)).ToList();
            Assert.True(keys.Count == 0, $"{route} shows resource keys instead of text: {string.Join(", ", keys)}");
            // A status page answers with its status: the browser reports the document's own 404 as a failed load.
            if (route.StartsWith("/status/", StringComparison.Ordinal))
                scriptErrors.RemoveAll(e => e.StartsWith("Failed to load resource", StringComparison.Ordinal));
            Assert.True(scriptErrors.Count == 0, $"{route}: script errors: {string.Join(" | ", scriptErrors)}");
            return denied;
        }
        finally
        {
            page.Console -= OnConsole;
            page.PageError -= OnError;
        }
    }

    private static string Around(string text, string word)
    {
        var i = text.IndexOf(word, StringComparison.Ordinal);
        return text.Substring(Math.Max(0, i - 60), Math.Min(text.Length - Math.Max(0, i - 60), 160));
    }
}
