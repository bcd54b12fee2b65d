using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Testing;

namespace Suifang.EndToEnd.Tests;

/// 5.1.3 manual plans from the discharged list; 7.2.1.1 e the plan page shows the goal's steps as a timeline/graph;
/// 7.2.3.2 the merge is explained.
public sealed class PlanBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_nurse_selects_two_discharged_patients_creates_plans_and_sees_the_steps_timeline_and_merge_notes()
    {
        var app = browser.App;
        var cardiology = await StaffAccounts.EnsureDepartmentAsync(app.Services, "XNK", "心血管内科");
        await StaffAccounts.CreateAsync(app.Services, "hs.plan", Roles.Nurse, "XNK");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SuifangDbContext>();
            var hospital = await db.Hospitals.FirstAsync();
            await TestPathways.AddAsync(db, TestPathways.Pci(hospital.Id, cardiology.Id), TestPathways.Diabetes(hospital.Id, cardiology.Id));
        }
        var yesterday = DateTime.Today.AddDays(-1).AddHours(10);
        await HostPatients.AddAsync(app.Services, p => p.Named("陈立新").DischargedOn(yesterday, cardiology.Id).WithDiagnosis("I21.9", "急性心肌梗死").AndDiagnosis("E11.9", "2型糖尿病"));
        await HostPatients.AddAsync(app.Services, p => p.Named("赵文华").DischargedOn(yesterday.AddHours(-3), cardiology.Id).WithDiagnosis("I25.1", "冠心病"));

        var page = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(page, "hs.plan", StaffAccounts.Password);
        await page.GotoAsync("/patients/discharged");
        await BrowserFixture.WaitForCircuitAsync(page);
        var rows = page.GetByTestId("patient-table").Locator("tbody tr");
        await Assertions.Expect(page.GetByTestId("patient-row")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("create-plans")).ToBeDisabledAsync();
        await rows.Nth(0).Locator(".mud-checkbox").ClickAsync();
        await rows.Nth(1).Locator(".mud-checkbox").ClickAsync();
        await Assertions.Expect(page.GetByTestId("create-plans")).ToContainTextAsync("2");
        Assert.EndsWith("/patients/discharged", page.Url);

        await page.GetByTestId("create-plans").ClickAsync();
        await page.Locator("[data-testid=pathway-option][data-key=pci]").ClickAsync();
        await page.Locator("[data-testid=pathway-option][data-key=type2-diabetes]").ClickAsync();
        await page.GetByTestId("create-preview").ClickAsync();
        await Assertions.Expect(page.GetByTestId("preview-step")).ToHaveCountAsync(4);
        await page.GetByTestId("create-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("plans-created")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("plan-link")).ToHaveCountAsync(2);

        await page.GetByTestId("plan-link").Filter(new() { HasText = "陈立新" }).ClickAsync();
        await page.WaitForURLAsync("**/plans/*");
        await BrowserFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("plan-goal")).ToContainTextAsync("出院后");
        await Assertions.Expect(page.GetByTestId("plan-graph-step")).ToHaveCountAsync(4);
        await Assertions.Expect(page.GetByTestId("plan-step")).ToHaveCountAsync(4);
        await Assertions.Expect(page.GetByTestId("plan-timeline")).ToContainTextAsync("D+7/D+8");
        await Assertions.Expect(page.GetByTestId("merge-notes")).ToContainTextAsync("合并为一个计划");
        await Assertions.Expect(page.GetByTestId("merge-notes")).ToContainTextAsync("只问一次");
        await Assertions.Expect(page.GetByTestId("merge-notes")).ToContainTextAsync("不会漏报");
        await Assertions.Expect(page.GetByTestId("plan-figures")).ToContainTextAsync("计划结束后计算");

        await page.GotoAsync("/plans");
        await BrowserFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("plan-row")).ToHaveCountAsync(2);
        await page.GotoAsync("/plans/rules");
        await BrowserFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("rule-name")).ToHaveCountAsync(12);   // the default rules of the presets
    }
}
