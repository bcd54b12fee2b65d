using Microsoft.Playwright;
using Suifang.Core.Accounts;
using Suifang.Integrations.Telephony.Simulated;
using Suifang.Testing;
using Suifang.Testing.Calls;

namespace Suifang.EndToEnd.Tests;

/// A nurse opens the call list, a call's transcript (bubbles with what was understood), its results and to-dos, and the
/// patient's 随访结果 on the archive.
public sealed class CallBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_nurse_reads_a_feverish_patients_call_with_its_abnormal_todo_and_finds_the_answers_in_the_archive()
    {
        var app = browser.App;
        var cardiology = await StaffAccounts.EnsureDepartmentAsync(app.Services, "XNK", "心血管内科");
        await StaffAccounts.CreateAsync(app.Services, "hs.calls", Roles.Nurse, "XNK");
        var patient = await HostPatients.AddAsync(app.Services, p => p.Named("郑秋菊").WithPhone("13966668888").DischargedOn(DateTime.Today.AddDays(-3), cardiology.Id));
        var callId = await HostCalls.CallAsync(app.Services, patient.Id, patient.HospitalId, patient.CampusId, cardiology.Id, Persona.Feverish, DateTime.Now);

        var page = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(page, "hs.calls", StaffAccounts.Password);
        await page.GotoAsync("/calls");
        await BrowserFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("call-number").First).ToHaveTextAsync("139****8888");
        await page.GetByTestId("call-open").First.ClickAsync();
        await page.WaitForURLAsync($"**/calls/{callId}");
        await Assertions.Expect(page.GetByTestId("turn-patient").Filter(new() { HasText = "三十八度六" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("turn-understood").First).ToContainTextAsync("识别为");
        await Assertions.Expect(page.GetByTestId("call-todo").Filter(new() { HasText = "体温≥38.5℃" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("no-recording")).ToContainTextAsync("模拟通话不录音");

        await page.GotoAsync($"/patients/{patient.Id}");
        await BrowserFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("patient-results")).ToContainTextAsync("38.6");
    }
}
