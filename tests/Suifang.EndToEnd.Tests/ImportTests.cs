using MiniExcelLibs;
using Microsoft.Playwright;
using Suifang.Core.Accounts;
using Suifang.Testing;

namespace Suifang.EndToEnd.Tests;

public sealed class ImportTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static Dictionary<string, object?> Row(string name, string phone, string visitNumber) => new()
    {
        ["姓名"] = name, ["性别"] = "女", ["手机号"] = phone, ["就诊类型"] = "出院", ["就诊号/住院号"] = visitNumber,
        ["科室"] = "心内科", ["就诊/入院时间"] = "2026-11-03 09:30", ["出院时间"] = "2026/11/10 10:00",
        ["主要诊断编码"] = "I21.9", ["主要诊断名称"] = "急性心肌梗死",
    };

    [Fact]
    public async Task A_nurse_uploads_a_sheet_sees_the_progress_finish_and_the_chinese_reason_of_each_bad_row()
    {
        await StaffAccounts.EnsureDepartmentAsync(browser.App.Services, "XNK", "心血管内科", "心内科");
        await StaffAccounts.CreateAsync(browser.App.Services, "nurse-e2e", Roles.Nurse, "XNK");
        var file = Path.Combine(Path.GetTempPath(), $"导入-{Guid.NewGuid():N}.xlsx");
        MiniExcel.SaveAs(file, new[]
        {
            Row("王秀英", "13812340001", "ZY1001"),
            Row("李桂兰", "1381234", "ZY1002"),
            Row("", "13812340003", "ZY1003"),
            Row("赵淑珍", "13812340004", "ZY1004"),
        });
        try
        {
            var page = await browser.NewPageAsync();
            await BrowserFixture.LoginAsync(page, "nurse-e2e", StaffAccounts.Password);
            await page.GotoAsync("/patients/import");
            await BrowserFixture.WaitForCircuitAsync(page);
            await Assertions.Expect(page.GetByTestId("page-hint")).ToContainTextAsync("下载导入模板");

            await page.Locator("input[type=file]").SetInputFilesAsync(file);

            await Assertions.Expect(page.GetByTestId("import-progress-text")).ToContainTextAsync("已处理 4 行，导入结束");
            await Assertions.Expect(page.GetByTestId("import-summary")).ToContainTextAsync("新建患者 2 位");
            var errors = page.GetByTestId("import-error-row");
            await Assertions.Expect(errors).ToHaveCountAsync(2);
            await Assertions.Expect(errors.Nth(0)).ToContainTextAsync("3");
            await Assertions.Expect(errors.Nth(0)).ToContainTextAsync("11 位手机号");
            await Assertions.Expect(errors.Nth(1)).ToContainTextAsync("姓名不能为空");
            await Assertions.Expect(page.GetByTestId("import-history")).ToContainTextAsync("已完成");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
