using Suifang.Core.Accounts;
using Suifang.Core.Alerts;
using Suifang.Core.Data;
using Suifang.Core.Todos;
using Suifang.Testing;

namespace Suifang.Core.Tests.Alerts;

/// The live alert (7.2.5.1 a): a critical to-do written by any process reaches the subscribers of its department once,
/// after the dispatcher handled it (tuning may have changed it).
public sealed class CriticalFeedTests
{
    [Theory, ClassData(typeof(Providers))]
    public async Task A_critical_todo_reaches_the_subscribers_of_its_department_once_after_the_dispatcher_handled_it(DatabaseProvider provider)
    {
        await using var w = await AlertWorld.CreateAsync(provider);
        var cardiology = new List<AlertNotice>();
        var neurology = new List<AlertNotice>();
        using var a = w.Notifier.Subscribe(new HashSet<int> { w.H.Cardiology.Id }, n => { cardiology.Add(n); return Task.CompletedTask; });
        using var b = w.Notifier.Subscribe(new HashSet<int> { w.H.Neurology.Id }, n => { neurology.Add(n); return Task.CompletedTask; });
        await w.Feed.StartAsync(CancellationToken.None);
        var patient = await w.PatientAsync("王建国");
        var normal = await w.TodoAsync(patient, TodoUrgency.Normal);
        var critical = await w.TodoAsync(patient, TodoUrgency.Critical);

        Assert.Equal(0, await w.Feed.PollAsync(CancellationToken.None));   // not yet handled by the dispatcher
        await w.Dispatcher.RunOnceAsync(CancellationToken.None);
        Assert.Equal(1, await w.Feed.PollAsync(CancellationToken.None));
        Assert.Equal(0, await w.Feed.PollAsync(CancellationToken.None));

        var notice = Assert.Single(cardiology);
        Assert.Equal((critical.Id, "王*国", "心血管内科"), (notice.TodoId, notice.PatientMaskedName, notice.DepartmentName));
        Assert.Empty(neurology);
        Assert.True(w.Feed.Watermark >= critical.Id);
        Assert.NotEqual(normal.Id, notice.TodoId);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_critical_todo_committed_behind_the_watermark_is_still_published(DatabaseProvider provider)
    {
        await using var w = await AlertWorld.CreateAsync(provider);
        var got = new List<long>();
        using var s = w.Notifier.Subscribe(new HashSet<int> { w.H.Cardiology.Id }, n => { got.Add(n.TodoId); return Task.CompletedTask; });
        var patient = await w.PatientAsync();
        var late = await w.TodoAsync(patient, TodoUrgency.Critical);
        var early = await w.TodoAsync(patient, TodoUrgency.Normal);
        await using (var db = w.H.Database.NewContext())
        {
            // The later id is handled first (as when the earlier transaction commits last).
            var e = await db.Todos.FindAsync(early.Id);
            e!.AlertedAt = w.Now;
            await db.SaveChangesAsync();
        }
        await w.Feed.StartAsync(CancellationToken.None);   // watermark already past the critical one
        Assert.Equal(0, await w.Feed.PollAsync(CancellationToken.None));

        await w.Dispatcher.RunOnceAsync(CancellationToken.None);
        await w.Feed.PollAsync(CancellationToken.None);

        Assert.Equal([late.Id], got);
    }

    [Fact]
    public void The_masked_name_keeps_the_first_and_last_character() =>
        Assert.Equal(["王*国", "李*", "欧**娜", "*"], new[] { "王建国", "李娜", "欧阳娜娜", "" }.Select(Suifang.Core.Security.Masking.MaskName));
}
