using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Suifang.Core.Accounts;
using Suifang.Core.Contact;
using Suifang.Core.Data;
using Suifang.Testing;

namespace Suifang.EndToEnd.Tests;

/// The SMS flow in Chromium: a reminder template checked per 8.3.2, a mass sending with its progress, the outbox with a
/// message's history (numbers masked), and the SMS section of the patient's archive.
public sealed class SmsBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_nurse_writes_a_checked_reminder_sends_it_to_a_department_and_follows_each_message_to_the_archive()
    {
        var services = browser.App.Services;
        var cardiology = await StaffAccounts.EnsureDepartmentAsync(services, "XNK", "心血管内科");
        var first = await HostPatients.AddAsync(services, p => p.Named("郑秋菊").WithPhone("13966668888").DischargedOn(DateTime.Today.AddDays(-3), cardiology.Id));
        await HostPatients.AddAsync(services, p => p.Named("钱国栋").WithPhone("13966667777").DischargedOn(DateTime.Today.AddDays(-4), cardiology.Id));
        await using (var db = services.GetRequiredService<IDbContextFactory<SuifangDbContext>>().CreateDbContext())
        {
            // SMS at any hour, so that the test does not depend on the time of day it runs at.
            if (!await db.ContactSettings.AnyAsync(s => s.HospitalId == first.HospitalId))
            {
                var settings = ContactSettings.Defaults(first.HospitalId);
                settings.SmsQuietHours = "";
                db.ContactSettings.Add(settings);
                await db.SaveChangesAsync();
            }
        }
        await StaffAccounts.CreateAsync(services, "sms.e2e", Roles.Nurse, "XNK");
        var page = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(page, "sms.e2e", StaffAccounts.Password);

        // 8.3.2: a reminder without a place and without what to do cannot be saved; the editor says what to add.
        await page.GotoAsync("/sms/templates");
        await BrowserFixture.WaitForPageLoadedAsync(page);
        await page.GetByTestId("sms-template-name").FillAsync("复诊提醒（心内科）");
        var text = page.GetByTestId("sms-template-text");
        await text.FillAsync("{患者姓名}您好，请于{时间}复诊。");
        await Assertions.Expect(page.GetByTestId("sms-template-findings")).ToContainTextAsync("复诊提醒要写明地点");
        await Assertions.Expect(page.GetByTestId("sms-template-save")).ToBeDisabledAsync();
        await text.FillAsync("{患者姓名}您好，请于{时间}到{地点}复诊，请携带{携带物品}。");
        await Assertions.Expect(page.GetByTestId("sms-template-findings")).ToContainTextAsync("一条短信可以发完");
        await page.GetByTestId("sms-template-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("sms-template-list")).ToContainTextAsync("复诊提醒（心内科）");

        // Mass sending to the department, with progress.
        await page.GotoAsync("/sms/mass");
        await BrowserFixture.WaitForPageLoadedAsync(page);
        await page.GetByTestId("mass-title").FillAsync("冬季用药提醒");
        await page.GetByTestId("mass-text").FillAsync("{患者姓名}您好，天气转冷，请注意保暖并按时服药。回复TD退订");
        await page.GetByTestId("mass-count").ClickAsync();
        await Assertions.Expect(page.GetByTestId("mass-count-result")).ToContainTextAsync("2 人");
        await page.GetByTestId("mass-send").ClickAsync();
        await Assertions.Expect(page.GetByTestId("mass-progress")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("mass-finished")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("mass-history")).ToContainTextAsync("冬季用药提醒");

        // The outbox: masked numbers and each message's history.
        await page.GotoAsync("/sms");
        await BrowserFixture.WaitForCircuitAsync(page);
        var table = page.GetByTestId("sms-table");
        await Assertions.Expect(table).ToContainTextAsync("139****8888");
        await Assertions.Expect(table).Not.ToContainTextAsync("13966668888");
        await table.GetByText("郑秋菊您好").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("sms-history")).ToContainTextAsync("排队中");

        // The patient's archive lists the message.
        await page.GotoAsync($"/patients/{first.Id}");
        await BrowserFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("patient-sms")).ToContainTextAsync("天气转冷");
    }
}
