using MiniExcelLibs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Suifang.Core.Accounts;
using Suifang.Core.Audit;
using Suifang.Core.Common;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Tasks;
using Suifang.Testing;

namespace Suifang.EndToEnd.Tests;

/// 5.1.7: a supervisor opens the statistics, switches the period from this month to this year and downloads the xlsx,
/// which holds the year in its header and the same totals as the page; the export is audited.
public sealed class StatisticsBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_supervisor_changes_the_period_and_downloads_the_same_figures_as_xlsx()
    {
        var app = browser.App;
        var cardiology = await StaffAccounts.EnsureDepartmentAsync(app.Services, "XNK", "心血管内科");
        await StaffAccounts.CreateAsync(app.Services, "it.stats", Roles.Supervisor);
        var patient = await HostPatients.AddAsync(app.Services, p => p.Named("周统计").DischargedOn(DateTime.Today.AddDays(-40), cardiology.Id));
        var today = HospitalClock.ChinaStandard().Today;
        var monthStart = new DateTime(today.Year, today.Month, 1, 8, 0, 0);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // Finished tasks only, so the running dispatcher leaves them alone: this month one completed and one unreached,
            // and on 1 January one more completed (in this month too when it is January).
            var db = scope.ServiceProvider.GetRequiredService<SuifangDbContext>();
            FollowUpTask Task(DateTime due, TaskState state, int attempts) => new()
            {
                HospitalId = patient.HospitalId, CampusId = patient.CampusId, PatientId = patient.Id, DepartmentId = cardiology.Id,
                Channel = ChannelKind.AiCall, Queue = TaskQueues.AiCall, State = state, Attempts = attempts, DueFrom = due, DueTo = due.AddDays(2),
                NextAttemptAt = due, IdempotencyKey = "e2e:" + Guid.NewGuid().ToString("N"), CreatedAt = due, UpdatedAt = due,
            };
            db.Tasks.AddRange(Task(monthStart, TaskState.Completed, 1), Task(monthStart, TaskState.Unreached, 3),
                Task(new DateTime(today.Year, 1, 1, 0, 0, 0), TaskState.Completed, 1));
            await db.SaveChangesAsync();
        }
        var monthDue = today.Month == 1 ? 3 : 2;

        var page = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(page, "it.stats", StaffAccounts.Password);
        await page.GotoAsync("/statistics");
        await BrowserFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("period-label")).ToContainTextAsync($"{today.Year}年{today.Month}月");
        await Assertions.Expect(page.GetByTestId("stats-total").GetByTestId("due")).ToHaveTextAsync(monthDue.ToString());

        await page.GetByTestId("period-kind").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "年" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("period-label")).ToContainTextAsync($"{today.Year}年（{today.Year}-01-01 至 {today.Year}-12-31）");
        await Assertions.Expect(page.GetByTestId("stats-total").GetByTestId("due")).ToHaveTextAsync("3");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("stats-export").ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), $"stats-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(file);
        try
        {
            Assert.EndsWith(".xlsx", download.SuggestedFilename);
            var cells = MiniExcel.Query(file, useHeaderRow: false, sheetName: "随访统计").Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal($"{today.Year}年（{today.Year}-01-01 至 {today.Year}-12-31）", cells[1]["B"]);
            var total = cells.Single(c => (string?)c["C"] == "全部方式");
            Assert.Equal((3d, 3d, 2d), (Convert.ToDouble(total["D"]), Convert.ToDouble(total["E"]), Convert.ToDouble(total["G"])));
        }
        finally
        {
            File.Delete(file);
        }

        await using var check = app.Services.CreateAsyncScope();
        var audit = await check.ServiceProvider.GetRequiredService<SuifangDbContext>().AuditLog.AsNoTracking()
            .Where(a => a.Action == AuditActions.Export && a.EntityType == "Statistics").ToListAsync();
        Assert.Contains(audit, a => a.Summary.Contains($"{today.Year}年（") && a.Summary.Contains("随访方式：全部"));
    }
}
