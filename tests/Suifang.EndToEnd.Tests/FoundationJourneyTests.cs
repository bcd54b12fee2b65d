using Microsoft.Playwright;
using MiniExcelLibs;
using Suifang.Core.Accounts;
using Suifang.Testing;

namespace Suifang.EndToEnd.Tests;

/// Issue #2's journey in one go: log in, import a sheet with good and bad rows, see the row errors,
/// find an imported patient by phone, open the archive, and a nurse of another department is refused.
public sealed class FoundationJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static Dictionary<string, object?> Row(string name, string phone, string visit, string department) => new()
    {
        ["姓名"] = name, ["性别"] = "男", ["手机号"] = phone, ["就诊类型"] = "出院", ["就诊号/住院号"] = visit,
        ["科室"] = department, ["主治医生"] = "王建国", ["就诊/入院时间"] = DateTime.Today.AddDays(-10).ToString("yyyy-MM-dd 09:00"),
        ["出院时间"] = DateTime.Today.AddDays(-3).ToString("yyyy-MM-dd 10:30"), ["主要诊断编码"] = "I25.1", ["主要诊断名称"] = "冠状动脉粥样硬化性心脏病",
    };

    [Fact]
    public async Task A_nurse_imports_finds_the_patient_by_phone_opens_the_archive_and_another_department_cannot()
    {
        var app = browser.App;
        await StaffAccounts.EnsureDepartmentAsync(app.Services, "XNK", "心血管内科", "心内科");
        await StaffAccounts.EnsureDepartmentAsync(app.Services, "SJNK", "神经内科");
        await StaffAccounts.CreateAsync(app.Services, "journey.xnk", Roles.Nurse, "XNK");
        await StaffAccounts.CreateAsync(app.Services, "journey.sjnk", Roles.Nurse, "SJNK");
        var file = Path.Combine(Path.GetTempPath(), $"出院患者-{Guid.NewGuid():N}.xlsx");
        MiniExcel.SaveAs(file, new[]
        {
            Row("欧阳振华", "13700137001", "ZY7001", "心内科"),
            Row("司马红梅", "1370013", "ZY7002", "心内科"),
            Row("诸葛明", "13700137003", "ZY7003", "火星科"),
        });
        try
        {
            var page = await browser.NewPageAsync();
            await BrowserFixture.LoginAsync(page, "journey.xnk", StaffAccounts.Password);
            await page.GotoAsync("/patients/import");
            await BrowserFixture.WaitForCircuitAsync(page);
            await page.Locator("input[type=file]").SetInputFilesAsync(file);
            await Assertions.Expect(page.GetByTestId("import-progress-text")).ToContainTextAsync("导入结束");
            var errors = page.GetByTestId("import-error-row");
            await Assertions.Expect(errors).ToHaveCountAsync(2);
            await Assertions.Expect(errors.Nth(0)).ToContainTextAsync("11 位手机号");
            await Assertions.Expect(errors.Nth(1)).ToContainTextAsync("未知科室“火星科”");

            await page.GotoAsync("/patients/discharged");
            await BrowserFixture.WaitForCircuitAsync(page);
            await page.Locator("[data-testid=filter-phone] input, input[data-testid=filter-phone]").First.FillAsync("13700137001");
            await page.GetByTestId("filter-search").ClickAsync();
            await Assertions.Expect(page.GetByTestId("patient-row")).ToHaveCountAsync(1);
            await page.GetByTestId("patient-row").GetByText("欧阳振华").ClickAsync();
            await page.WaitForURLAsync("**/patients/*");
            await Assertions.Expect(page.GetByTestId("patient-name")).ToHaveTextAsync("欧阳振华");
            await Assertions.Expect(page.GetByTestId("patient-phone")).ToHaveTextAsync("137****7001");
            var archiveUrl = page.Url;
            await page.GetByTestId("edit-patient").ClickAsync();
            await page.WaitForURLAsync("**/edit");

            var other = await browser.NewPageAsync();
            await BrowserFixture.LoginAsync(other, "journey.sjnk", StaffAccounts.Password);
            await other.GotoAsync(archiveUrl);
            await BrowserFixture.WaitForCircuitAsync(other);
            await Assertions.Expect(other.GetByTestId("access-denied")).ToBeVisibleAsync();
            await Assertions.Expect(other.GetByText("欧阳振华")).ToHaveCountAsync(0);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
