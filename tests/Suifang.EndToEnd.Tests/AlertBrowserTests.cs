using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Suifang.Core.Accounts;
using Suifang.Core.Alerts;
using Suifang.Core.Calls;
using Suifang.Core.Data;
using Suifang.Core.Security;
using Suifang.Core.Sms;
using Suifang.Core.Todos;
using Suifang.Testing;

namespace Suifang.EndToEnd.Tests;

/// Critical alerts at once (7.2.5.1 a) in Chromium: a critical value the patient states becomes a critical to-do; the
/// banner appears in the signed-in nurse's open page without reload, and an SMS to the nurse on duty is in the outbox.
public sealed class AlertBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_critical_value_said_by_a_patient_shows_a_banner_in_the_nurses_open_page_and_texts_the_nurse_on_duty()
    {
        var services = browser.App.Services;
        var cardiology = await StaffAccounts.EnsureDepartmentAsync(services, "XNK", "心血管内科");
        var patient = await HostPatients.AddAsync(services, p => p.Named("周桂兰").WithPhone("13966660001").DischargedOn(DateTime.Today.AddDays(-5), cardiology.Id));
        var nurse = await StaffAccounts.CreateAsync(services, "alert.e2e", Roles.Nurse, "XNK");
        var factory = services.GetRequiredService<IDbContextFactory<SuifangDbContext>>();
        await using (var db = factory.CreateDbContext())
        {
            var phone = services.GetRequiredService<SensitiveDataProtector>().Protect(SensitiveKind.Phone, "13900000001");
            db.StaffMobiles.Add(new StaffMobile { UserId = nurse.Id, HospitalId = patient.HospitalId, PhoneCipher = phone.Cipher, PhoneMasked = phone.Masked });
            // On duty around the clock, so that the test does not depend on the hour it runs at.
            foreach (var day in Enum.GetValues<DayOfWeek>())
                db.DutyShifts.Add(new DutyShift { HospitalId = patient.HospitalId, DepartmentId = cardiology.Id, Day = day, Start = TimeOnly.MinValue, End = TimeOnly.MinValue, UserId = nurse.Id });
            await db.SaveChangesAsync();
        }
        var page = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(page, "alert.e2e", StaffAccounts.Password);
        await page.GotoAsync("/settings/duty");
        await BrowserFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("duty-now")).ToContainTextAsync("alert.e2e");
        await Assertions.Expect(page.GetByTestId("duty-mobiles")).ToContainTextAsync("139****0001");
        await Assertions.Expect(page.GetByTestId("critical-alert")).ToHaveCountAsync(0);

        // The patient says a glucose of 2.5 on a call (as the call journal stores it).
        await using (var db = factory.CreateDbContext())
        {
            db.FollowUpResults.Add(new FollowUpResult
            {
                HospitalId = patient.HospitalId, DepartmentId = cardiology.Id, PatientId = patient.Id, QuestionKey = "blood_glucose_fasting",
                Value = "2.5", Said = "今天早上血糖才两点五", Source = ResultSource.AiCall, At = DateTime.Now, Confirmed = true,
            });
            await db.SaveChangesAsync();
        }

        var banner = page.GetByTestId("critical-alert");
        await Assertions.Expect(banner).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(banner).ToContainTextAsync("周*兰");
        await Assertions.Expect(banner).ToContainTextAsync("血糖 2.5 mmol/L");
        await Assertions.Expect(banner).Not.ToContainTextAsync("周桂兰");
        var todoId = long.Parse(await banner.GetAttributeAsync("data-todo-id") ?? "0");
        await Assertions.Expect(page.GetByTestId("critical-alert-open")).ToHaveAttributeAsync("href", $"/todos/{todoId}");

        await using (var db = factory.CreateDbContext())
        {
            var todo = await db.Todos.SingleAsync(t => t.Id == todoId);
            Assert.Equal((TodoKind.CriticalValue, "critical:blood_glucose_fasting", nurse.Id), (todo.Kind, todo.RuleKey, todo.AssignedToUserId));
            var sms = await db.SmsMessages.SingleAsync(m => m.Purpose == SmsPurpose.StaffAlert);
            Assert.Equal((nurse.Id, "139****0001"), (sms.RecipientUserId, sms.PhoneMasked));
            Assert.Contains($"#{todoId}", sms.Text);
            Assert.DoesNotContain("周桂兰", sms.Text);
        }

        await page.GetByTestId("critical-alert-ack").ClickAsync();
        await Assertions.Expect(banner).ToHaveCountAsync(0);
        await using (var db = factory.CreateDbContext())
        {
            Assert.Equal(nurse.Id, (await db.Todos.SingleAsync(t => t.Id == todoId)).AcknowledgedBy);
            Assert.Contains(await db.AlertDeliveries.Where(d => d.TodoId == todoId).ToListAsync(),
                d => d.Channel == AlertChannel.Screen && d.RecipientUserId == nurse.Id);
        }
    }
}
