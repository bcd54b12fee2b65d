using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Alerts;
using Suifang.Core.Audit;
using Suifang.Core.Data;
using Suifang.Core.Sms;
using Suifang.Core.Tests.Alerts;
using Suifang.Core.Todos;
using Suifang.Testing;

namespace Suifang.Core.Tests.Todos;

/// Two nurses, or the alert dispatcher and a nurse, changing one to-do at once (5.1.6, 7.2.4.1 b): the to-do's Version
/// is an optimistic concurrency token, so no change silently overwrites another; the late one is asked to refresh.
public sealed class TodoConcurrencyTests
{
    private static StaffScope NurseB(TestHospital h) =>
        new("nurse-b", "护士乙", h.Hospital.Id, false, new HashSet<int> { h.Cardiology.Id }, new HashSet<string> { Roles.Nurse });

    [Theory, ClassData(typeof(Providers))]
    public async Task A_nurse_acting_on_a_to_do_someone_else_changed_since_she_opened_it_is_asked_to_refresh_and_overwrites_nothing(DatabaseProvider provider)
    {
        await using var w = await AlertWorld.CreateAsync(provider);
        var todo = await w.TodoAsync(await w.PatientAsync(), TodoUrgency.Normal);
        var (a, b) = (w.H.Nurse(w.H.Cardiology.Id), NurseB(w.H));
        await using (var db = w.H.Database.NewContext())
            Assert.True((await TodoCommands.CloseAsync(db, a, todo.Id, TodoAction.CalledBack, "已回电", w.Now, default, todo.Version)).Ok);
        var closed = await w.ReloadAsync(todo);
        Assert.Equal(todo.Version + 1, closed.Version);

        // Both see it closed; 护士乙 reopens it first.
        await using (var db = w.H.Database.NewContext())
            Assert.True((await TodoCommands.ReopenAsync(db, b, todo.Id, "患者又来电说胸闷", default, closed.Version)).Ok);
        await using (var db = w.H.Database.NewContext())
        {
            Assert.Equal(TodoCommands.Conflict, (await TodoCommands.ReopenAsync(db, a, todo.Id, "家属来电", default, closed.Version)).Error);
            Assert.Equal(TodoCommands.Conflict, (await TodoCommands.AcknowledgeAsync(db, a, todo.Id, w.Now, default, closed.Version)).Error);
        }

        var now = await w.ReloadAsync(todo);
        Assert.Equal((TodoStatus.Open, closed.Version + 1), (now.Status, now.Version));
        await using var check = w.H.Database.NewContext();
        var audit = await check.AuditLog.Where(e => e.EntityType == nameof(TodoItem)).Select(e => e.Summary).ToListAsync();
        Assert.Contains(audit, s => s.Contains("患者又来电说胸闷"));
        Assert.DoesNotContain(audit, s => s.Contains("家属来电"));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_save_of_a_to_do_read_before_another_context_closed_it_fails_instead_of_overwriting_the_close(DatabaseProvider provider)
    {
        await using var w = await AlertWorld.CreateAsync(provider);
        var todo = await w.TodoAsync(await w.PatientAsync(), TodoUrgency.Urgent);

        await using var first = w.H.Database.NewContext();
        first.Actor = AuditActor.System("预警分发");
        var stale = await first.Todos.SingleAsync(t => t.Id == todo.Id);
        (stale.AssignedToUserId, stale.AssignedAt) = ("nurse-b", w.Now);
        await using (var second = w.H.Database.NewContext())
            Assert.True((await TodoCommands.CloseAsync(second, w.H.Nurse(w.H.Cardiology.Id), todo.Id, TodoAction.CalledBack, null, w.Now)).Ok);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => first.SaveChangesAsync());
        var now = await w.ReloadAsync(todo);
        Assert.Equal((TodoStatus.Closed, "护士甲", (string?)null), (now.Status, now.ClosedBy, now.AssignedToUserId));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_nurse_closing_a_critical_to_do_while_the_dispatcher_assigns_it_keeps_her_close_and_the_dispatcher_finishes_it_next_round(DatabaseProvider provider)
    {
        await using var w = await AlertWorld.CreateAsync(provider);
        var duty = await w.StaffAsync("值班护士", Roles.Nurse, w.H.Cardiology.Id, "13900000001");
        await w.ShiftAsync(duty, w.Now.DayOfWeek, "00:00", "00:00");
        var todo = await w.TodoAsync(await w.PatientAsync(), TodoUrgency.Critical);

        // The nurse closes the to-do just while the dispatcher, having assigned it, texts the duty nurse.
        var racing = new AlertDispatcher(w.H.Database.NewContext, new ClosingOutbox(w, todo.Id), () => w.Now);
        await racing.RunOnceAsync(CancellationToken.None);

        var afterRace = await w.ReloadAsync(todo);
        Assert.Equal((TodoStatus.Closed, "护士甲", (string?)null, (DateTime?)null),
            (afterRace.Status, afterRace.ClosedBy, afterRace.AssignedToUserId, afterRace.AlertedAt));

        await w.Dispatcher.RunOnceAsync(CancellationToken.None);
        var finished = await w.ReloadAsync(todo);
        Assert.Equal((TodoStatus.Closed, "已电话通知患者急诊"), (finished.Status, finished.ClosedNote));
        Assert.NotNull(finished.AlertedAt);
        Assert.Null(finished.AssignedToUserId);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Call_again_while_the_alert_service_stamps_the_to_do_queues_one_task_instead_of_failing(DatabaseProvider provider)
    {
        await using var w = await AlertWorld.CreateAsync(provider);
        var todo = await w.TodoAsync(await w.PatientAsync(), TodoUrgency.Urgent);

        // Between the nurse's read and her save, the alert service stamps the to-do in its own context (Version moves).
        await using var db = w.H.Database.NewContext(new StampAfterFirstRead(w, todo.Id));
        var (result, taskId) = await TodoCallAgain.StartAsync(db, w.H.Nurse(w.H.Cardiology.Id), todo.Id, w.Now);

        Assert.True(result.Ok, result.Error);
        var now = await w.ReloadAsync(todo);
        Assert.Equal((w.Now, (DateTime?)w.Now, todo.Version + 2), (now.AlertedAt!.Value, now.AcknowledgedAt, now.Version));
        await using var check = w.H.Database.NewContext();
        Assert.Equal([taskId!.Value], await check.Tasks.Where(t => t.IdempotencyKey.StartsWith($"todo:{todo.Id}:call-again:")).Select(t => t.Id).ToListAsync());
    }

    /// Once the nurse's context has read the to-do, another context changes it (as AlertDispatcher does).
    private sealed class StampAfterFirstRead(AlertWorld w, long todoId) : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        private bool _done;

        public override Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult DataReaderDisposing(System.Data.Common.DbCommand command,
            Microsoft.EntityFrameworkCore.Diagnostics.DataReaderDisposingEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult result)
        {
            if (!_done && command.CommandText.Contains("FROM \"Todos\"", StringComparison.Ordinal))
            {
                _done = true;
                using var other = w.H.Database.NewContext();
                other.Todos.Where(t => t.Id == todoId).ExecuteUpdate(u => u.SetProperty(t => t.AlertedAt, w.Now).SetProperty(t => t.Version, t => t.Version + 1));
            }
            return result;
        }
    }

    /// The SMS outbox of a dispatcher round during which a nurse closes the to-do in another context.
    private sealed class ClosingOutbox(AlertWorld w, long todoId) : ISmsOutbox
    {
        public async Task<SmsSendResult> SendAsync(SmsSend message, CancellationToken ct)
        {
            await using (var db = w.H.Database.NewContext())
                Assert.True((await TodoCommands.CloseAsync(db, w.H.Nurse(w.H.Cardiology.Id), todoId, TodoAction.AdvisedVisit, "已电话通知患者急诊", w.Now, ct)).Ok);
            return await w.Sms.Outbox.SendAsync(message, ct);
        }
    }
}
