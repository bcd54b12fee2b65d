using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Suifang.Core.Accounts;
using Suifang.Core.Calls;
using Suifang.Core.Data;
using Suifang.Testing;

namespace Suifang.EndToEnd.Tests;

/// 7.2.5.1 b in Chromium: a patient whose systolic pressure rose over three follow-ups carries a "趋势变差" mark in the
/// discharged list, and the tooltip says in plain words what worsened.
public sealed class TrendMarkBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_patient_with_rising_blood_pressure_is_marked_in_the_discharged_list_with_a_tooltip_saying_what_worsened()
    {
        var services = browser.App.Services;
        var cardiology = await StaffAccounts.EnsureDepartmentAsync(services, "XNK", "心血管内科");
        await StaffAccounts.CreateAsync(services, "trend.e2e", Roles.Nurse, "XNK");
        var marked = await HostPatients.AddAsync(services, p => p.Named("赵志刚").WithPhone("13966661111").DischargedOn(DateTime.Today.AddDays(-30), cardiology.Id));
        await HostPatients.AddAsync(services, p => p.Named("钱丽华").WithPhone("13966662222").DischargedOn(DateTime.Today.AddDays(-30), cardiology.Id));
        var factory = services.GetRequiredService<IDbContextFactory<SuifangDbContext>>();
        await using (var db = factory.CreateDbContext())
        {
            // Three follow-ups a week apart, as the call journal stores what the patient said.
            foreach (var (v, i) in new[] { "138", "147", "156" }.Select((v, i) => (v, i)))
                db.FollowUpResults.Add(new FollowUpResult
                {
                    HospitalId = marked.HospitalId, DepartmentId = cardiology.Id, PatientId = marked.Id, QuestionKey = "blood_pressure_systolic",
                    Value = v, Said = $"高压{v}", Source = ResultSource.AiCall, At = DateTime.Now.AddDays(-14 + 7 * i), Confirmed = true,
                });
            await db.SaveChangesAsync();
        }
        await WaitForMarkAsync(factory, marked.Id);

        var page = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(page, "trend.e2e", StaffAccounts.Password);
        await page.GotoAsync("/patients/discharged");
        await BrowserFixture.WaitForCircuitAsync(page);
        var markedRow = page.Locator("tr").Filter(new() { HasText = "赵志刚" });
        var mark = markedRow.GetByTestId("patient-trend-mark");
        await Assertions.Expect(mark).ToHaveTextAsync("趋势变差");
        await Assertions.Expect(page.Locator("tr").Filter(new() { HasText = "钱丽华" }).GetByTestId("patient-trend-mark")).ToHaveCountAsync(0);
        await mark.HoverAsync();
        await Assertions.Expect(page.GetByText("收缩压连续升高：138 → 147 → 156 mmHg（近3次随访），请医生评估").First).ToBeVisibleAsync();
    }

    private static async Task WaitForMarkAsync(IDbContextFactory<SuifangDbContext> factory, long patientId)
    {
        // The alert service reads new results every few hundred milliseconds in the background.
        for (var i = 0; i < 100; i++)
        {
            await using var db = factory.CreateDbContext();
            if (await db.PatientAlertMarks.AnyAsync(m => m.PatientId == patientId))
                return;
            await Task.Delay(200);
        }
        Assert.Fail("No trend mark was raised within 20 s.");
    }
}
