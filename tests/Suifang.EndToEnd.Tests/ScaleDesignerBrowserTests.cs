using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Questionnaires;
using Suifang.Testing;

namespace Suifang.EndToEnd.Tests;

/// 5.2.3: a department makes its own scale-like questionnaire in the designer — option points, a reverse item, the score
/// preview with a trial score, and an alert on the total that raises a to-do with a plain reason.
public sealed class ScaleDesignerBrowserTests(QuestionnaireBrowserFixture browser) : IClassFixture<QuestionnaireBrowserFixture>
{
    [Fact]
    public async Task A_nurse_builds_a_scored_questionnaire_with_a_reverse_item_and_a_total_score_alert_and_publishes_it()
    {
        var app = browser.App;
        await StaffAccounts.EnsureDepartmentAsync(app.Services, "SJNK", "神经内科");
        await StaffAccounts.CreateAsync(app.Services, "hs.scale", Roles.Nurse, "SJNK");
        var page = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(page, "hs.scale", StaffAccounts.Password);
        await page.GotoAsync("/questionnaires");
        await BrowserFixture.WaitForPageLoadedAsync(page);
        await Assertions.Expect(page.GetByTestId("questionnaire-row").Filter(new() { HasText = "PHQ-9" })).ToHaveCountAsync(1);
        await page.GetByTestId("new-questionnaire").ClickAsync();
        await page.WaitForURLAsync("**/questionnaires/*");
        await BrowserFixture.WaitForPageLoadedAsync(page);

        await page.GetByTestId("q-title").FillAsync("睡眠自评");
        await AddAsync(page, 0, "夜里醒来难以再睡", "wake_at_night");
        await AddAsync(page, 1, "我睡得很好", "sleep_well");
        await page.GetByTestId("question-reverse").Nth(1).ClickAsync();
        await page.GetByText("计分（总分和风险分级）").ClickAsync();
        await Assertions.Expect(page.GetByTestId("score-range")).ToContainTextAsync("最低 0 分、最高 6 分");

        await page.GetByTestId("add-alert").ClickAsync();
        await page.GetByTestId("alert-value").FillAsync("4");
        await page.GetByTestId("alert-reason").FillAsync("睡眠总分≥4，请今天电话回访");
        await page.GetByTestId("alert-reason").PressAsync("Tab");
        await Assertions.Expect(page.GetByTestId("alert-summary")).ToContainTextAsync("当“总分”≥ 4 时");
        await page.GetByTestId("score-trial").FillAsync("5");
        await page.GetByTestId("score-trial").PressAsync("Tab");
        await Assertions.Expect(page.GetByTestId("score-trial-result")).ToContainTextAsync("睡眠总分≥4，请今天电话回访");

        await page.GetByTestId("publish").ClickAsync();
        await Assertions.Expect(page.GetByTestId("designer-message")).ToContainTextAsync("已发布新版本");

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<SuifangDbContext>>().CreateDbContextAsync();
        var version = await db.QuestionnaireVersions.AsNoTracking().Where(v => v.Title == "睡眠自评").SingleAsync();
        var content = version.Content;
        Assert.True(content.Questions[1].Reverse);
        var alert = Assert.Single(content.Alerts);
        Assert.Equal((QuestionnaireScoring.TotalKey, "4"), (alert.QuestionKey, alert.Value));
        Assert.Equal(0, QuestionnaireScoring.Score(content, new Dictionary<string, string> { ["wake_at_night"] = "从不", ["sleep_well"] = "总是" })!.Score);
    }

    private static async Task AddAsync(IPage page, int index, string text, string key)
    {
        await page.GetByTestId("add-question").ClickAsync();
        await page.GetByTestId("question-text").Nth(index).FillAsync(text);
        await page.GetByTestId("question-key").Nth(index).FillAsync(key);
        await page.GetByTestId("question-options").Nth(index).FillAsync("从不=0\n有时=1\n经常=2\n总是=3");
    }
}
