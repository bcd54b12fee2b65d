using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Tasks;
using Suifang.Testing;

namespace Suifang.EndToEnd.Tests;

public sealed class ContactRulesBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_admin_sets_calling_hours_puts_a_number_on_the_do_not_call_list_which_cancels_the_patients_open_task_and_records_consent()
    {
        var xnk = await StaffAccounts.EnsureDepartmentAsync(browser.App.Services, "XNK", "心血管内科");
        await StaffAccounts.CreateAsync(browser.App.Services, "contact.e2e", Roles.Admin);
        var patient = await HostPatients.AddAsync(browser.App.Services, b => b.Named("杜鹃").WithPhone("13912345678").DischargedOn(new DateTime(2026, 11, 20), xnk.Id));
        var taskId = await AddDueCallAsync(patient.Id, xnk.Id);
        var page = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(page, "contact.e2e", StaffAccounts.Password);

        await page.GotoAsync("/settings/contact");
        await BrowserFixture.WaitForPageLoadedAsync(page);
        await page.GetByTestId("hours-2").FillAsync("14:00-11:30");
        await page.GetByTestId("contact-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("contact-errors")).ToContainTextAsync("星期三的时间段 14:00-11:30 结束时间早于开始时间");
        await page.GetByTestId("hours-2").FillAsync("08:30-12:00，14:00-18:00");
        await page.GetByTestId("quiet-periods").FillAsync("12:00-13:30");
        await page.GetByTestId("contact-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("contact-updated")).ToBeVisibleAsync();
        await page.GetByTestId("holiday-date").FillAsync("2027-02-09");
        await page.GetByTestId("holiday-name").FillAsync("春节调休");
        await page.GetByTestId("holiday-add").ClickAsync();
        await Assertions.Expect(page.GetByTestId("holiday-table")).ToContainTextAsync("春节调休");

        await page.GotoAsync("/contact/do-not-call");
        await BrowserFixture.WaitForPageLoadedAsync(page);
        await page.GetByTestId("dnc-add").ClickAsync();
        await page.GetByTestId("dnc-phone-input").FillAsync("139 1234 5678");
        await page.GetByTestId("dnc-reason").FillAsync("家属来电要求不再打扰");
        await page.GetByTestId("dnc-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("dnc-table")).ToContainTextAsync("139****5678");
        await Assertions.Expect(page.GetByTestId("dnc-table")).ToContainTextAsync("家属来电要求不再打扰");

        // The archive shows consent; recording its withdrawal stops the patient's follow-up.
        await page.GotoAsync($"/patients/{patient.Id}");
        await BrowserFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("consent-state")).ToContainTextAsync("未登记");
        await page.GetByTestId("consent-give").ClickAsync();
        await page.GetByTestId("consent-note").FillAsync("出院时签字");
        await page.GetByTestId("consent-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("consent-state")).ToContainTextAsync("已同意");
        await page.GetByTestId("consent-withdraw").ClickAsync();
        await page.GetByTestId("consent-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("consent-state")).ToContainTextAsync("已撤回");
        await Assertions.Expect(page.GetByTestId("consent-panel")).ToContainTextAsync("出院时签字");

        await using var scope = browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SuifangDbContext>();
        var settings = await db.ContactSettings.SingleAsync();
        Assert.Equal("08:30-12:00,14:00-18:00", settings.CallingHours[2]);
        Assert.Contains(await db.Holidays.ToListAsync(), h => h.Date == new DateOnly(2027, 2, 9) && h.Name == "春节调休");
        Assert.Equal(TaskState.Cancelled, (await db.Tasks.SingleAsync(t => t.Id == taskId)).State);
        Assert.Equal(2, await db.Consents.CountAsync(c => c.PatientId == patient.Id));
    }

    private async Task<long> AddDueCallAsync(long patientId, int departmentId)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SuifangDbContext>();
        var hospital = await db.Hospitals.Include(h => h.Campuses).FirstAsync();
        var task = new FollowUpTask
        {
            HospitalId = hospital.Id, CampusId = hospital.Campuses[0].Id, PatientId = patientId, DepartmentId = departmentId,
            Channel = ChannelKind.AiCall, Queue = TaskQueues.AiCall, State = TaskState.Due, IdempotencyKey = "t:" + Guid.NewGuid().ToString("N"),
            DueFrom = DateTime.Today.AddDays(-1), DueTo = DateTime.Today.AddDays(7), NextAttemptAt = DateTime.Today.AddDays(7), // not due yet: the host's dispatcher leaves it alone
        };
        db.Tasks.Add(task);
        await db.SaveChangesAsync();
        return task.Id;
    }
}
