using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Suifang.Core.Accounts;
using Suifang.Core.Common;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Tasks;
using Suifang.Testing;

namespace Suifang.EndToEnd.Tests;

/// 7.2.2.2 d: an admin changes a queue's lines on the monitor page and sees the new pool at once (no restart; the
/// setting is stored and every node reads it), then pauses a task on the task list.
public sealed class TaskBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_admin_changes_a_queues_lines_on_the_monitor_and_pauses_a_task_on_the_list()
    {
        var app = browser.App;
        var cardiology = await StaffAccounts.EnsureDepartmentAsync(app.Services, "XNK", "心血管内科");
        await StaffAccounts.CreateAsync(app.Services, "it.tasks", Roles.Admin);
        var patient = await HostPatients.AddAsync(app.Services, p => p.Named("陈立群").DischargedOn(DateTime.Today.AddDays(-2), cardiology.Id));
        long taskId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // Tomorrow's task: the running dispatcher leaves it alone, so it is still open when the admin pauses it.
            var db = scope.ServiceProvider.GetRequiredService<SuifangDbContext>();
            var tomorrow = HospitalClock.ChinaStandard().Now.AddDays(1);
            var task = new FollowUpTask
            {
                HospitalId = patient.HospitalId, CampusId = patient.CampusId, PatientId = patient.Id, DepartmentId = cardiology.Id,
                Channel = ChannelKind.AiCall, Queue = TaskQueues.AiCall, State = TaskState.Pending, DueFrom = tomorrow, DueTo = tomorrow.AddDays(2),
                NextAttemptAt = tomorrow, IdempotencyKey = "e2e:" + Guid.NewGuid().ToString("N"), CreatedAt = DateTime.Now, UpdatedAt = DateTime.Now,
            };
            db.Tasks.Add(task);
            await db.SaveChangesAsync();
            taskId = task.Id;
        }

        var page = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(page, "it.tasks", StaffAccounts.Password);
        await page.GotoAsync("/tasks/monitor");
        await BrowserFixture.WaitForCircuitAsync(page);
        var lines = page.GetByTestId("task-monitor").Locator("tr", new() { Has = page.GetByTestId("queue-ai-call") }).GetByTestId("lines");
        await Assertions.Expect(lines).ToHaveTextAsync("0 / 10");

        var settings = page.GetByTestId("settings-ai-call");
        var pool = settings.Locator("[data-testid=pool-size] input, input[data-testid=pool-size]").First;
        await pool.FillAsync("37");
        await pool.PressAsync("Tab");
        await settings.GetByTestId("save-queue").ClickAsync();
        await Assertions.Expect(lines).ToHaveTextAsync("0 / 37");
        await page.ReloadAsync();
        await BrowserFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(lines).ToHaveTextAsync("0 / 37");

        await page.GotoAsync("/tasks");
        await BrowserFixture.WaitForCircuitAsync(page);
        var row = page.GetByTestId("task-list").Locator("tr", new() { HasText = "陈立群" });
        await Assertions.Expect(row.GetByTestId("task-state")).ToContainTextAsync("未到时间");
        await row.GetByTestId("task-Pause").ClickAsync();
        await Assertions.Expect(row.GetByTestId("task-state")).ToContainTextAsync("已暂停");

        await using var check = app.Services.CreateAsyncScope();
        var stored = await check.ServiceProvider.GetRequiredService<SuifangDbContext>().Tasks.AsNoTracking().SingleAsync(t => t.Id == taskId);
        Assert.Equal((TaskState.Pending, true), (stored.State, stored.Paused));
        var setting = await check.ServiceProvider.GetRequiredService<SuifangDbContext>().TaskQueueSettings.AsNoTracking().SingleAsync(s => s.Queue == TaskQueues.AiCall);
        Assert.Equal((37, "it.tasks"), (setting.PoolSize, setting.UpdatedBy));
    }
}
