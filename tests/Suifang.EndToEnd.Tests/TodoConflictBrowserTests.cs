using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Suifang.Core.Accounts;
using Suifang.Core.Audit;
using Suifang.Core.Data;
using Suifang.Core.Todos;
using Suifang.Testing;

namespace Suifang.EndToEnd.Tests;

/// 5.1.6: a nurse closing a to-do that a colleague handled after she opened it sees, in plain Chinese, that it was just
/// handled and that she should refresh; the colleague's handling is not overwritten.
public sealed class TodoConflictBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Closing_a_to_do_a_colleague_handled_meanwhile_shows_a_refresh_message_and_keeps_the_colleagues_change()
    {
        var services = browser.App.Services;
        var cardiology = await StaffAccounts.EnsureDepartmentAsync(services, "XNK", "心血管内科");
        await StaffAccounts.CreateAsync(services, "hs.conflict", Roles.Nurse, "XNK");
        var patient = await HostPatients.AddAsync(services, p => p.Named("孙玉珍").WithPhone("13966663333").DischargedOn(DateTime.Today.AddDays(-3), cardiology.Id));
        var factory = services.GetRequiredService<IDbContextFactory<SuifangDbContext>>();
        long id;
        await using (var db = factory.CreateDbContext())
        {
            db.Actor = AuditActor.System("测试");
            var todo = new TodoItem
            {
                HospitalId = patient.HospitalId, DepartmentId = cardiology.Id, PatientId = patient.Id, Kind = TodoKind.Abnormal,
                Urgency = TodoUrgency.Normal, Reason = "伤口有渗液", Source = "ai-call", CreatedAt = DateTime.Now,
            };
            db.Todos.Add(todo);
            await db.SaveChangesAsync();
            id = todo.Id;
        }

        var page = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(page, "hs.conflict", StaffAccounts.Password);
        await page.GotoAsync($"/todos/{id}");
        await BrowserFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("todo-status")).ToHaveTextAsync("未处理");

        // A colleague closes it and, after the patient calls again, reopens it — while this page stays open.
        var colleague = new StaffScope("colleague", "护士乙", patient.HospitalId, false, new HashSet<int> { cardiology.Id }, new HashSet<string> { Roles.Nurse });
        await using (var db = factory.CreateDbContext())
            Assert.True((await TodoCommands.CloseAsync(db, colleague, id, TodoAction.CalledBack, "已回电", DateTime.Now)).Ok);
        await using (var db = factory.CreateDbContext())
            Assert.True((await TodoCommands.ReopenAsync(db, colleague, id, "患者又来电说伤口渗液更多")).Ok);

        await page.GetByTestId("todo-close").ClickAsync();
        await Assertions.Expect(page.GetByTestId("todo-action-error")).ToHaveTextAsync("这条待办刚被别人处理过，请刷新后再看。");
        await using (var db = factory.CreateDbContext())
            Assert.Equal(TodoStatus.Open, (await db.Todos.SingleAsync(t => t.Id == id)).Status);
    }
}
