using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Suifang.Core.Common;
using Suifang.Core.Data;
using Suifang.Core.Questionnaires.Links;
using Suifang.Testing;

namespace Suifang.EndToEnd.Tests;

/// 5.x, 8.1.1, 8.3.2: a patient who answers PHQ-9 item 9 (thoughts of self-harm) above 0 sees, on the thank-you notice
/// that replaces the form on a 360 px phone, a calm safety message: the nurse is told, and where to call now.
public sealed class PatientSafetyBrowserTests(QuestionnaireBrowserFixture browser) : IClassFixture<QuestionnaireBrowserFixture>
{
    private async Task<string> Phq9LinkAsync(string name)
    {
        var app = browser.App;
        var now = HospitalClock.ChinaStandard().Now;
        var department = await StaffAccounts.EnsureDepartmentAsync(app.Services, "XLK", "心理科");
        var patient = await HostPatients.AddAsync(app.Services, p => p.Named(name).DischargedOn(now.AddDays(-3), department.Id));
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<SuifangDbContext>>().CreateDbContextAsync();
        var version = await db.QuestionnaireVersions.Include(v => v.Questionnaire).SingleAsync(v => v.Questionnaire!.Key == "phq-9");
        return (await QuestionnaireLinks.CreateAsync(db, new LinkRequest(patient.HospitalId, department.Id, patient.Id, version, TimeSpan.FromDays(7)), now, default)).Token;
    }

    private async Task<IPage> AnswerAsync(string token, string item9)
    {
        var phone = await browser.NewPageAsync(360, 740);
        await phone.GotoAsync($"/q/{token}");
        for (var i = 1; i <= 9; i++)
            await phone.GetByTestId($"q-phq9_{i}").Locator($"input[value='{(i == 9 ? item9 : "0")}']").CheckAsync();
        await phone.GetByTestId("q-submit").ClickAsync();
        await Assertions.Expect(phone.GetByTestId("q-done")).ToBeVisibleAsync();
        return phone;
    }

    [Fact]
    public async Task After_a_critical_answer_the_thank_you_notice_says_the_nurse_is_told_and_where_to_call_now_and_otherwise_it_does_not()
    {
        var told = await AnswerAsync(await Phq9LinkAsync("孙晓梅"), item9: "1");
        var safety = told.GetByTestId("q-safety");
        await Assertions.Expect(safety).ToBeVisibleAsync();
        await Assertions.Expect(safety).ToContainTextAsync("我们已提醒医院的随访护士");
        await Assertions.Expect(safety).ToContainTextAsync("120");
        await Assertions.Expect(safety).ToContainTextAsync("当地心理援助热线");
        await Assertions.Expect(told.GetByTestId("q-done")).Not.ToContainTextAsync("Model.Hospital");
        Assert.True(await told.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"), "the message must fit a 360 px phone");

        var plain = await AnswerAsync(await Phq9LinkAsync("钱卫东"), item9: "0");
        await Assertions.Expect(plain.GetByTestId("q-safety")).ToHaveCountAsync(0);
    }
}
