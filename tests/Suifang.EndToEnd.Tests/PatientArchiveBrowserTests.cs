using Microsoft.Playwright;
using Suifang.Core.Accounts;
using Suifang.Testing;

namespace Suifang.EndToEnd.Tests;

public sealed class PatientArchiveBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_nurse_finds_a_discharged_patient_by_phone_opens_the_archive_and_another_department_is_refused()
    {
        var app = browser.App;
        var cardiology = await StaffAccounts.EnsureDepartmentAsync(app.Services, "XNK", "心血管内科");
        await StaffAccounts.EnsureDepartmentAsync(app.Services, "SJNK", "神经内科");
        await StaffAccounts.CreateAsync(app.Services, "hs.xnk", Roles.Nurse, "XNK");
        await StaffAccounts.CreateAsync(app.Services, "hs.sjnk", Roles.Nurse, "SJNK");
        var patient = await HostPatients.AddAsync(app.Services, p => p.Named("林晓梅").WithPhone("13955557777")
            .DischargedOn(DateTime.Today.AddDays(-2).AddHours(10), cardiology.Id, "王建国").WithDiagnosis("I21.9", "急性心肌梗死"));
        await HostPatients.AddAsync(app.Services, p => p.Named("周某").WithPhone("13600001111").DischargedOn(DateTime.Today.AddDays(-1), cardiology.Id));

        var page = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(page, "hs.xnk", StaffAccounts.Password);
        await page.GotoAsync("/patients/discharged");
        await BrowserFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("patient-row")).ToHaveCountAsync(2);
        await page.Locator("[data-testid=filter-phone] input, input[data-testid=filter-phone]").First.FillAsync("13955557777");
        await page.GetByTestId("filter-search").ClickAsync();
        await Assertions.Expect(page.GetByTestId("patient-row")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("patient-row")).ToContainTextAsync("林晓梅");
        await Assertions.Expect(page.GetByTestId("patient-phone")).ToHaveTextAsync("139****7777");

        await page.GetByTestId("patient-row").GetByText("林晓梅").ClickAsync();
        await page.WaitForURLAsync($"**/patients/{patient.Id}");
        await Assertions.Expect(page.GetByTestId("patient-name")).ToHaveTextAsync("林晓梅");
        await Assertions.Expect(page.GetByTestId("encounter-diagnosis")).ToContainTextAsync("I21.9");
        await Assertions.Expect(page.GetByTestId("follow-up-history")).ToBeVisibleAsync();
        await page.GetByTestId("reveal-numbers").ClickAsync();
        await Assertions.Expect(page.GetByTestId("patient-phone")).ToHaveTextAsync("13955557777");

        var other = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(other, "hs.sjnk", StaffAccounts.Password);
        await other.GotoAsync($"/patients/{patient.Id}");
        await BrowserFixture.WaitForCircuitAsync(other);
        await Assertions.Expect(other.GetByTestId("access-denied")).ToBeVisibleAsync();
        await Assertions.Expect(other.GetByTestId("patient-card")).ToHaveCountAsync(0);
        await Assertions.Expect(other.GetByText("林晓梅")).ToHaveCountAsync(0);
        await other.GotoAsync("/");
        await BrowserFixture.WaitForCircuitAsync(other);
        await Assertions.Expect(other.GetByTestId("home-patients")).ToHaveTextAsync("0");
        await page.GotoAsync("/");
        await BrowserFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("home-patients")).ToHaveTextAsync("2");
    }
}
