using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Suifang.Core.Accounts;
using Suifang.Core.Calls;
using Suifang.Core.Data;
using Suifang.Testing;

namespace Suifang.EndToEnd.Tests;

/// 5.1.4 人工随访: a psychiatry nurse opens her work queue, claims a patient, shows the number (audited), records the
/// answers with the keyboard alone (number keys pick, Enter goes on, Ctrl+Enter saves), and finds the answers and the
/// abnormal to-dos in the patient's archive.
public sealed class ManualFollowUpBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_nurse_claims_a_task_records_the_call_with_the_keyboard_and_sees_the_result_and_to_dos_in_the_archive()
    {
        var app = browser.App;
        var psychiatry = await ManualTasks.PsychiatryAsync(app.Services);
        await ManualTasks.AllowCallsAllDayAsync(app.Services);
        await StaffAccounts.CreateAsync(app.Services, "hs.manual", Roles.Nurse, "JSK");
        var task = await ManualTasks.QueueAsync(app.Services, psychiatry, "赵静怡", "13700001234");

        var page = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(page, "hs.manual", StaffAccounts.Password);
        await page.GotoAsync("/manual");
        await BrowserFixture.WaitForCircuitAsync(page);
        var row = page.GetByTestId("manual-queue").Locator("tr", new() { HasText = "赵静怡" });
        await Assertions.Expect(row.GetByTestId("queue-status")).ToContainTextAsync("待拨打");
        await Assertions.Expect(row).ToContainTextAsync("137****1234");
        await row.GetByTestId("queue-claim").ClickAsync();

        await Assertions.Expect(page.GetByTestId("summary-diagnosis")).ToContainTextAsync("中度抑郁发作");
        await Assertions.Expect(page.GetByTestId("summary-phone")).ToHaveTextAsync("137****1234");
        await page.GetByTestId("show-number").ClickAsync();
        await Assertions.Expect(page.GetByTestId("summary-phone")).ToHaveTextAsync("13700001234");

        await page.GetByTestId("q-mood_low").Locator("p").First.ClickAsync();
        await PickAsync(page, "mood_low", 1);                      // 是
        await TypeAsync(page, "mood_score", "6");
        await PickAsync(page, "sleep_quality", 2);                 // 入睡困难
        await TypeAsync(page, "sleep_hours", "5");
        await PickAsync(page, "medication_adherence", 1);          // 按时服用
        await PickAsync(page, "medication_side_effect", 2);        // 否
        await PickAsync(page, "self_harm_thoughts", 1);            // 是 → critical to-do
        await PickAsync(page, "harm_to_others", 2);
        await PickAsync(page, "hallucinations", 2);
        await PickAsync(page, "family_supervision", 1);
        await PickAsync(page, "follow_up_visit", 2);               // 否 → the plan step's to-do
        var note = page.GetByTestId("record-note");
        await Assertions.Expect(note).ToBeFocusedAsync();
        await note.PressSequentiallyAsync("女儿陪同，已嘱咐家属看护");
        await note.PressAsync("Control+Enter");

        await Assertions.Expect(page.GetByTestId("save-done")).ToContainTextAsync("正常回答，随访完成");
        await Assertions.Expect(page.GetByTestId("save-todos")).ToContainTextAsync("2 条");

        await page.GetByTestId("open-archive").ClickAsync();
        await BrowserFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("patient-results")).ToContainTextAsync("人工随访");
        var records = page.GetByTestId("patient-manual-records");
        await Assertions.Expect(records.GetByTestId("manual-record")).ToContainTextAsync("正常回答");
        await Assertions.Expect(records.GetByTestId("manual-record")).ToContainTextAsync("女儿陪同");
        await Assertions.Expect(records.GetByTestId("manual-todo").First).ToContainTextAsync("危急");
        await Assertions.Expect(records.GetByTestId("manual-todo").First).ToContainTextAsync("有自伤或轻生念头");

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SuifangDbContext>();
        var results = await db.FollowUpResults.AsNoTracking().Where(r => r.PatientId == task.PatientId).ToListAsync();
        Assert.All(results, r => Assert.Equal(ResultSource.Manual, r.Source));
        Assert.Equal(("6", "入睡困难", "yes"), (results.Single(r => r.QuestionKey == "mood_score").Value,
            results.Single(r => r.QuestionKey == "sleep_quality").Value, results.Single(r => r.QuestionKey == "self_harm_thoughts").Value));
        Assert.True(await db.AuditLog.AnyAsync(a => a.UserName == "hs.manual" && a.Action == "reveal"));
    }

    /// The question is the current one; the number key picks the option (shown pressed); Enter goes to the next.
    private static async Task PickAsync(IPage page, string key, int option)
    {
        await Assertions.Expect(page.GetByTestId($"q-{key}")).ToHaveAttributeAsync("data-current", "true");
        await page.Keyboard.PressAsync(option.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.GetByTestId($"opt-{key}-{option}")).ToHaveAttributeAsync("aria-pressed", "true");
        await page.Keyboard.PressAsync("Enter");
    }

    /// The question's box has the focus; the value is typed and Enter goes to the next.
    private static async Task TypeAsync(IPage page, string key, string value)
    {
        var input = page.GetByTestId($"input-{key}");
        await Assertions.Expect(input).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(value);
        await Assertions.Expect(input).ToHaveValueAsync(value);
        await page.Keyboard.PressAsync("Enter");
    }
}
