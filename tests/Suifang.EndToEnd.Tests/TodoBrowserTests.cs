using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Integrations.Calls.Recordings;
using Suifang.Integrations.Telephony.Simulated;
using Suifang.Testing;
using Suifang.Testing.Calls;

namespace Suifang.EndToEnd.Tests;

/// 5.1.6 / 7.2.4.1: a call raises a to-do; the nurse sees it on the home page and in 待办, opens it, reads the words that
/// fired it, hears the clip of that moment, and closes it with the action taken.
public sealed class TodoBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_calls_todo_shows_on_the_home_page_and_the_list_opens_with_its_evidence_and_closes_with_an_action()
    {
        var app = browser.App;
        var cardiology = await StaffAccounts.EnsureDepartmentAsync(app.Services, "XNK", "心血管内科");
        await StaffAccounts.CreateAsync(app.Services, "hs.todos", Roles.Nurse, "XNK");
        var patient = await HostPatients.AddAsync(app.Services, p => p.Named("钱桂兰").WithPhone("13966665555").DischargedOn(DateTime.Today.AddDays(-3), cardiology.Id));
        var callId = await HostCalls.CallAsync(app.Services, patient.Id, patient.HospitalId, patient.CampusId, cardiology.Id, Persona.Feverish, DateTime.Now);
        Assert.True(app.Services.GetRequiredService<SimulatedRecordings>().Enqueue(callId));
        await WaitForRecordingAsync(app, callId);

        var page = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(page, "hs.todos", StaffAccounts.Password);
        await page.GotoAsync("/");
        await BrowserFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("home-todos-kind").Filter(new() { HasText = "异常" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("home-todos-all")).ToHaveAttributeAsync("href", "/todos");

        await page.GotoAsync("/todos");
        await BrowserFixture.WaitForCircuitAsync(page);
        var row = page.Locator("tr", new() { Has = page.GetByTestId("todo-reason").Filter(new() { HasText = "体温≥38.5℃" }) })
            .Filter(new() { HasText = "钱桂兰" });
        await Assertions.Expect(row.GetByTestId("todo-phone")).ToHaveTextAsync("139****5555");
        await row.GetByTestId("todo-open").ClickAsync();

        await page.WaitForURLAsync("**/todos/*");
        await BrowserFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("todo-turn-fired")).ToContainTextAsync("三十八度六");
        await Assertions.Expect(page.GetByTestId("todo-acknowledged")).ToContainTextAsync("hs.todos");
        var clip = page.GetByTestId("todo-clip");
        var seconds = await clip.EvaluateAsync<double>(@"el => new Promise(done => {
            el.addEventListener('loadedmetadata', () => done(el.duration), { once: true });
            el.addEventListener('error', () => done(-1), { once: true });
            el.preload = 'auto'; el.load(); })");
        Assert.True(seconds > 0.5, $"the clip plays for {seconds} s");

        await page.GetByTestId("todo-close-action").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "已电话回访" }).ClickAsync();
        await page.GetByTestId("todo-close-note").FillAsync("已电话联系患者，嘱其到发热门诊就诊");
        await page.GetByTestId("todo-close").ClickAsync();
        await Assertions.Expect(page.GetByTestId("todo-status")).ToHaveTextAsync("已处理");
        await Assertions.Expect(page.GetByTestId("todo-closed-info")).ToContainTextAsync("已电话回访");
    }

    private static async Task WaitForRecordingAsync(SuifangWebFactory app, long callId)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<SuifangDbContext>>();
        for (var i = 0; i < 900; i++)
        {
            await using (var db = await factory.CreateDbContextAsync())
                if (await db.Calls.Where(c => c.Id == callId).Select(c => c.RecordingPath).SingleAsync() is not null)
                    return;
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"call {callId} got no recording within 90 s; see the host's warnings");
    }
}
