using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Suifang.Core.Accounts;
using Suifang.Core.Common;
using Suifang.Testing;
using Suifang.Testing.Quality;
using Suifang.Web.Hosting;

namespace Suifang.EndToEnd.Tests;

/// The host with a page that fails when its button is pressed (8.2.2), added through AdditionalPages.
public sealed class QualityBrowserFixture : BrowserFixture
{
    protected override void TestServices(IServiceCollection services) =>
        services.AddSingleton(new AdditionalPages(typeof(FailingPage).Assembly));
}

/// A page that throws from an event handler, as a bug in a real page would.
[Route("/test/failing-page")]
public sealed class FailingPage : ComponentBase
{
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "button");
        builder.AddAttribute(1, "data-testid", "fail-now");
        builder.AddAttribute(2, "onclick", EventCallback.Factory.Create(this, Fail));
        builder.AddContent(3, "出错");
        builder.CloseElement();
    }

    private void Fail() => throw new InvalidOperationException("SecretFailureDetail");
}

/// 7.2.5.2 review in the browser, and 8.2.2 the error boundary of a page.
public sealed class QualityBrowserTests(QualityBrowserFixture browser) : IClassFixture<QualityBrowserFixture>
{
    [Fact]
    public async Task A_nurse_opens_the_review_queue_reviews_a_call_and_sees_the_report_change()
    {
        var app = browser.App;
        var cardiology = await StaffAccounts.EnsureDepartmentAsync(app.Services, "XNK", "心血管内科");
        await StaffAccounts.CreateAsync(app.Services, "hs.qc", Roles.Nurse, "XNK");
        var now = HospitalClock.ChinaStandard().Now;
        var patient = await HostPatients.AddAsync(app.Services, p => p.Named("秦美兰").DischargedOn(now.AddDays(-3), cardiology.Id));
        var calls = await HostQuality.CallsAsync(app.Services, cardiology.Id, now);
        var exchanges = QualityCalls.Complete();
        exchanges[^1] = new("我保证您没事，再见。");
        var sampleId = await HostQuality.SampledCallAsync(app.Services, calls, patient.Id, cardiology.Id, now.AddHours(-1), exchanges);

        var page = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(page, "hs.qc", StaffAccounts.Password);
        await page.GotoAsync("/quality/report");
        await BrowserFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("report-accuracy-count")).ToContainTextAsync("正确 0 / 复核 0");
        await Assertions.Expect(page.GetByTestId("report-checks")).ToHaveTextAsync("0.0%");

        await page.GotoAsync("/quality/review");
        await BrowserFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("queue-checks").First).ToContainTextAsync("1 项未通过");
        await page.GetByTestId("queue-open").First.ClickAsync();
        await page.WaitForURLAsync($"**/quality/review/{sampleId}");
        await BrowserFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("sample-findings")).ToContainTextAsync("承诺");
        await page.GetByTestId("finding-dismiss").ClickAsync();
        await page.GetByTestId("answer-temperature").GetByTestId("answer-right").ClickAsync();
        await page.GetByTestId("answer-pain_score").GetByTestId("answer-right").ClickAsync();
        await page.GetByTestId("review-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("review-error")).ToContainTextAsync("伤口红肿");
        await page.GetByTestId("answer-wound_redness").GetByTestId("answer-wrong").ClickAsync();
        await page.GetByTestId("answer-correct-value").FillAsync("no");
        await page.GetByTestId("review-note").FillAsync("承诺是误报");
        await page.GetByTestId("review-save").ClickAsync();
        await page.WaitForURLAsync("**/quality/review");
        await Assertions.Expect(page.GetByTestId("queue-empty")).ToBeVisibleAsync();

        await page.GotoAsync("/quality/report");
        await BrowserFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("report-accuracy-count")).ToContainTextAsync("正确 2 / 复核 3");
        await Assertions.Expect(page.GetByTestId("report-checks")).ToHaveTextAsync("100.0%");
    }

    [Fact]
    public async Task A_page_that_fails_shows_the_chinese_error_box_with_a_reload_and_no_exception()
    {
        await StaffAccounts.CreateAsync(browser.App.Services, "hs.boundary", Roles.Nurse);
        var page = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(page, "hs.boundary", StaffAccounts.Password);
        await page.GotoAsync("/test/failing-page");
        await BrowserFixture.WaitForCircuitAsync(page);

        await page.GetByTestId("fail-now").ClickAsync();

        await Assertions.Expect(page.GetByTestId("error-boundary")).ToContainTextAsync("这个页面出了问题");
        await Assertions.Expect(page.GetByTestId("error-boundary-reference")).ToContainTextAsync("C-");
        var text = await page.Locator("body").InnerTextAsync();
        Assert.DoesNotContain("SecretFailureDetail", text);
        Assert.DoesNotContain("Exception", text);
        await page.GetByTestId("error-boundary-reload").ClickAsync();
        await Assertions.Expect(page.GetByTestId("fail-now")).ToBeVisibleAsync();
    }
}
