using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Suifang.Core.Accounts;
using Suifang.Core.Sms;
using Suifang.Testing;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;

namespace Suifang.EndToEnd.Tests;

/// The host as shipped: the real SMS outbox (simulated provider) carries the questionnaire link.
public sealed class QuestionnaireBrowserFixture : BrowserFixture;

/// Issue #5 end to end: design a questionnaire with logic, send it by SMS to a patient, open the link at phone size
/// (360 px), answer, and see the result and the score in the patient's archive (5.1.4, 5.2.3, 8.3.3).
public sealed class QuestionnaireBrowserTests(QuestionnaireBrowserFixture browser) : IClassFixture<QuestionnaireBrowserFixture>
{
    [Fact]
    public async Task A_nurse_designs_a_questionnaire_with_logic_sends_it_and_sees_the_phone_answers_and_score_in_the_archive()
    {
        var app = browser.App;
        var cardiology = await StaffAccounts.EnsureDepartmentAsync(app.Services, "XNK", "心血管内科");
        await StaffAccounts.CreateAsync(app.Services, "hs.wj", Roles.Nurse, "XNK");
        var patient = await HostPatients.AddAsync(app.Services, p => p.Named("陈雅琴").WithPhone("13912345678")
            .DischargedOn(DateTime.Today.AddDays(-3).AddHours(9), cardiology.Id).WithDiagnosis("K80.2", "胆囊结石"));

        var page = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(page, "hs.wj", StaffAccounts.Password);
        await page.GotoAsync("/questionnaires");
        await BrowserFixture.WaitForPageLoadedAsync(page);
        await Assertions.Expect(page.GetByTestId("questionnaire-row").Filter(new() { HasText = "PHQ-9" })).ToHaveCountAsync(1);
        await page.GetByTestId("new-questionnaire").ClickAsync();
        await page.WaitForURLAsync("**/questionnaires/*");
        await BrowserFixture.WaitForPageLoadedAsync(page);

        await page.GetByTestId("q-title").FillAsync("伤口随访问卷");
        await AddQuestionAsync(page, 0, "伤口有没有红肿？", "wound_redness", "是=2\n否=0");
        await AddQuestionAsync(page, 1, "红肿有几天了？", "redness_days", "1天=1\n2到3天=2\n超过3天=3");
        await AddQuestionAsync(page, 2, "您对护士的照顾满意吗？", "satisfaction_nurse", "非常满意\n满意\n一般\n不满意");
        await page.GetByTestId("add-logic").ClickAsync();          // when wound_redness … show redness_days
        await page.GetByTestId("logic-value").FillAsync("是");
        await page.GetByText("计分（总分和风险分级）").ClickAsync();
        await page.GetByTestId("publish").ClickAsync();
        await Assertions.Expect(page.GetByTestId("designer-message")).ToContainTextAsync("已发布新版本");

        await page.GotoAsync($"/patients/{patient.Id}");
        await BrowserFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("patient-questionnaires")).ToContainTextAsync("NRS 疼痛数字评分"); // recommended for K80
        await page.GetByTestId("send-choose").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "伤口随访问卷" }).ClickAsync();
        await page.GetByTestId("send-questionnaire").ClickAsync();
        await Assertions.Expect(page.GetByTestId("send-message")).ToContainTextAsync("已发送");
        // The link went through the outbox: the nurse sees the message in the archive's SMS section, and the phone gets its text.
        await page.ReloadAsync();
        await BrowserFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("patient-sms")).ToContainTextAsync("伤口随访问卷");
        SmsMessage sms;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<SuifangDbContext>>().CreateDbContextAsync())
            sms = await db.SmsMessages.AsNoTracking().Where(m => m.PatientId == patient.Id).OrderByDescending(m => m.Id).FirstAsync();
        Assert.Equal(SmsPurpose.QuestionnaireLink, sms.Purpose);
        // The stored text masks the link's token (anyone reading the outbox must not open the questionnaire); the full
        // text is encrypted at rest and only the provider gets it (SmsBodies decrypts it for the hand-over).
        Assert.Contains("/q/", sms.Text);
        Assert.Contains(Suifang.Core.Security.LinkMasking.Hidden, sms.Text);
        var full = SmsBodies.Text(sms, app.Services.GetRequiredService<Suifang.Core.Security.SensitiveDataProtector>());
        var token = Regex.Match(full, @"/q/([A-Za-z0-9_-]+)").Groups[1].Value;
        Assert.NotEmpty(token);
        Assert.DoesNotContain(token, sms.Text);
        await Assertions.Expect(page.GetByTestId("patient-sms")).Not.ToContainTextAsync(token);

        var phone = await browser.NewPageAsync(360, 740);
        await phone.GotoAsync($"/q/{token}");
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "伤口随访问卷" })).ToBeVisibleAsync();
        await Assertions.Expect(phone.GetByTestId("q-redness_days")).ToBeHiddenAsync();
        await phone.GetByTestId("q-wound_redness").GetByText("是", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(phone.GetByTestId("q-redness_days")).ToBeVisibleAsync();
        await phone.GetByTestId("q-redness_days").GetByText("2到3天").ClickAsync();
        await phone.GetByTestId("q-satisfaction_nurse").GetByText("满意", new() { Exact = true }).ClickAsync();
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"), "the page must fit a 360 px phone without sideways scrolling");
        await phone.GetByTestId("q-submit").ClickAsync();
        await Assertions.Expect(phone.GetByTestId("q-done")).ToBeVisibleAsync();

        await page.ReloadAsync();
        await BrowserFixture.WaitForCircuitAsync(page);
        var row = page.GetByTestId("patient-questionnaire").Filter(new() { HasText = "伤口随访问卷" });
        await Assertions.Expect(row).ToContainTextAsync("已提交");
        await Assertions.Expect(row.GetByTestId("patient-questionnaire-score")).ToContainTextAsync("4 分");
        await row.GetByText("伤口随访问卷").ClickAsync();
        await Assertions.Expect(row.GetByTestId("patient-questionnaire-answer").Filter(new() { HasText = "红肿有几天了" })).ToContainTextAsync("2到3天");
    }

    private static async Task AddQuestionAsync(IPage page, int index, string text, string key, string options)
    {
        await page.GetByTestId("add-question").ClickAsync();
        await page.GetByTestId("question-text").Nth(index).FillAsync(text);
        await page.GetByTestId("question-key").Nth(index).FillAsync(key);
        await page.GetByTestId("question-options").Nth(index).FillAsync(options);
    }
}
