using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;
using Suifang.Agent.Dialogue;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Scripts;
using Suifang.Core.Scripts.Templates;
using Suifang.Testing;

namespace Suifang.EndToEnd.Tests;

/// The host with the dialogue engine's test double (the real engine is written in parallel).
public sealed class ScriptEditorFixture : BrowserFixture
{
    protected override void TestServices(IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Singleton<IConversationFactory, ScriptedConversations>());
}

/// Issue #4 editor (5.1.4, 7.2.3.1 b, 8.1.1): open a template, change a question, see the checks, talk to it in the test
/// console, publish — the used version stays and the change becomes version 2.
public sealed class ScriptEditorBrowserTests(ScriptEditorFixture browser) : IClassFixture<ScriptEditorFixture>
{
    private static ILocator Text(ILocator scope, string testId) =>
        scope.Locator($"[data-testid={testId}] textarea, textarea[data-testid={testId}], [data-testid={testId}] input, input[data-testid={testId}]").First;

    [Fact]
    public async Task A_nurse_edits_a_used_template_sees_the_checks_tests_it_in_the_console_and_publishes_version_2()
    {
        var app = browser.App;
        await StaffAccounts.EnsureDepartmentAsync(app.Services, "XNK", "心血管内科", "心内科");
        await StaffAccounts.CreateAsync(app.Services, "hs.script", Roles.Nurse, "XNK");
        int pci;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SuifangDbContext>();
            await new ScriptTemplateLoader(db, () => DateTime.Now).EnsureAsync((await db.Hospitals.FirstAsync()).Id);
            pci = await db.Scripts.Where(s => s.Key == "pci-discharge").Select(s => s.Id).SingleAsync();
            await ScriptUsage.MarkUsedAsync(db, pci, DateTime.Now.AddDays(-2));
        }

        var page = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(page, "hs.script", StaffAccounts.Password);
        await page.GotoAsync("/scripts");
        await BrowserFixture.WaitForPageLoadedAsync(page);
        await page.Locator("[data-testid=script-row][data-key=pci-discharge] a").ClickAsync();
        await page.WaitForURLAsync($"**/scripts/{pci}");
        await BrowserFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("script-frozen")).ToContainTextAsync("v2");
        await Assertions.Expect(page.GetByTestId("script-no-problems")).ToBeVisibleAsync();

        // The checks follow every change: an opening without the AI disclosure is an error until it is put back.
        var opening = Text(page.Locator("body"), "script-opening");
        var original = await opening.InputValueAsync();
        await opening.FillAsync("您好，这里是心内科随访中心。需要人工服务可以随时告诉我。");
        await Assertions.Expect(page.GetByTestId("script-problem").First).ToContainTextAsync("没有说明是AI智能助手");
        await opening.FillAsync(original);
        await Assertions.Expect(page.GetByTestId("script-no-problems")).ToBeVisibleAsync();

        // A question reworded in plainer words; a branch to a question that does not exist shows on the diagram in red.
        var chestPain = page.Locator("[data-testid=question-card][data-key=chest_pain]");
        await Text(chestPain, "question-text").FillAsync("这几天有没有胸口疼或者胸口闷？");
        await Text(page.Locator("[data-testid=question-card][data-key=puncture_site_problem]"), "question-key").FillAsync("puncture_site");
        await Assertions.Expect(page.GetByTestId("script-problem").First).ToContainTextAsync("没有这个问题");
        await page.GetByRole(AriaRole.Tab, new() { Name = "流程图" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("diagram-node")).ToHaveCountAsync(12);
        await Assertions.Expect(page.Locator("[data-testid=diagram-branch][data-to=puncture_site_problem]")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "问题列表" }).ClickAsync();
        await Text(page.Locator("[data-testid=question-card][data-key=puncture_site]"), "question-key").FillAsync("puncture_site_problem");
        await Assertions.Expect(page.GetByTestId("script-no-problems")).ToBeVisibleAsync();

        // The test console: the agent's turn, the understood intent and the extracted value per turn.
        await page.GetByTestId("console-restart").ClickAsync();
        await Assertions.Expect(page.GetByTestId("console-say").First).ToContainTextAsync("AI智能随访助手");
        await Text(page.Locator("body"), "console-input").FillAsync("是我本人");
        await page.GetByTestId("console-send").ClickAsync();
        await Assertions.Expect(page.GetByTestId("console-say").Nth(1)).ToHaveTextAsync("这几天有没有胸口疼或者胸口闷？");
        await page.GetByTestId("console-key-2").ClickAsync();
        await Assertions.Expect(page.GetByTestId("console-intent").Last).ToContainTextAsync("否定");
        await Text(page.Locator("body"), "console-input").FillAsync("大概20分钟");
        await page.GetByTestId("console-send").ClickAsync();
        await Assertions.Expect(page.GetByTestId("console-value").Last).ToContainTextAsync("20");
        await Assertions.Expect(page.GetByTestId("console-answer")).ToHaveCountAsync(2);
        await page.GetByTestId("console-restart").ClickAsync();
        await Assertions.Expect(page.GetByTestId("console-say")).ToHaveCountAsync(1);

        // Publish: the used v1 stays as the calls heard it; the change is v2, published.
        await page.GetByTestId("script-publish").ClickAsync();
        await Assertions.Expect(page.GetByTestId("script-message")).ToContainTextAsync("v2 已发布");
        await using var check = app.Services.CreateAsyncScope();
        var after = await check.ServiceProvider.GetRequiredService<SuifangDbContext>().Scripts.AsNoTracking()
            .Where(s => s.Key == "pci-discharge").OrderBy(s => s.Version).ToListAsync();
        Assert.Equal([(1, ScriptStatus.Published), (2, ScriptStatus.Published)], after.Select(s => (s.Version, s.Status)));
        Assert.DoesNotContain("这几天有没有胸口疼或者胸口闷？", after[0].Json);
        Assert.Contains("这几天有没有胸口疼或者胸口闷？", after[1].Json);
    }
}

/// A host configured without the dialogue engine (e.g. while the agent is switched off).
public sealed class NoDialogueEngineFixture : BrowserFixture
{
    protected override void TestServices(IServiceCollection services)
    {
        services.RemoveAll<IConversationFactory>();
        services.RemoveAll<Suifang.Core.Tasks.ITaskChannel>();   // without the engine, AI-call tasks go to the simulated channel
    }
}

/// Without a dialogue engine in the host the editor still works and the test console says so in Chinese.
public sealed class ScriptConsoleWithoutEngineBrowserTests(NoDialogueEngineFixture browser) : IClassFixture<NoDialogueEngineFixture>
{
    [Fact]
    public async Task The_test_console_explains_that_the_dialogue_engine_is_not_installed_and_a_new_script_starts_as_a_valid_draft()
    {
        var app = browser.App;
        await StaffAccounts.EnsureDepartmentAsync(app.Services, "SJNK", "神经内科");
        await StaffAccounts.CreateAsync(app.Services, "hs.noengine", Roles.Nurse, "SJNK");
        int stroke;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SuifangDbContext>();
            Assert.Null(scope.ServiceProvider.GetService<IConversationFactory>());
            await new ScriptTemplateLoader(db, () => DateTime.Now).EnsureAsync((await db.Hospitals.FirstAsync()).Id);
            stroke = await db.Scripts.Where(s => s.Key == "stroke-discharge").Select(s => s.Id).SingleAsync();
        }

        var page = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(page, "hs.noengine", StaffAccounts.Password);
        await page.GotoAsync($"/scripts/{stroke}");
        await BrowserFixture.WaitForCircuitAsync(page);

        await Assertions.Expect(page.GetByTestId("console-unavailable")).ToContainTextAsync("对话引擎还没有安装");
        await Assertions.Expect(page.GetByTestId("script-no-problems")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("question-card")).ToHaveCountAsync(12);

        // A script written from scratch starts as a draft that already passes the checks.
        await page.GotoAsync("/scripts");
        await BrowserFixture.WaitForPageLoadedAsync(page);
        await page.GetByTestId("new-script").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/scripts/\d+$"));
        await Assertions.Expect(page.GetByTestId("script-problems")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("script-status")).ToHaveTextAsync("草稿");
        await Assertions.Expect(page.GetByTestId("script-no-problems")).ToBeVisibleAsync();
    }
}
