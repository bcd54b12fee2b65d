using Suifang.Core.Calls;
using Suifang.Core.Data;
using Suifang.Core.Statistics;
using Suifang.Testing;

namespace Suifang.Core.Tests.Statistics;

/// 5.1.7 for doctors and nurses: the history of outbound batches (day × department × plan node × script version) with
/// how many were called and reached, and the calls of one batch.
public sealed class OutboundBatchesTests
{
    private static readonly StatisticsPeriod November = StatisticsPeriod.Around(PeriodKind.Month, new DateOnly(2026, 11, 1));

    private static async Task<StatisticsWorld> CallsAsync(DatabaseProvider provider)
    {
        var w = await StatisticsWorld.CreateAsync(provider);
        await w.CallAsync(w.Zhang, new DateTime(2026, 11, 15, 9, 0, 0), "D+7", "pci-d7", 2, CallEnd.Completed);
        await w.CallAsync(w.Wang, new DateTime(2026, 11, 15, 9, 5, 0), "D+7", "pci-d7", 2, CallEnd.NotReached);
        await w.CallAsync(w.Zhang, new DateTime(2026, 11, 15, 11, 0, 0), "D+7", "pci-d7", 2, CallEnd.Partial);
        await w.CallAsync(w.Zhang, new DateTime(2026, 11, 15, 9, 10, 0), "D+7", "pci-d7", 3, CallEnd.Completed);
        await w.CallAsync(w.Li, new DateTime(2026, 11, 15, 9, 0, 0), "D+7", "pci-d7", 2, CallEnd.Completed);
        await w.CallAsync(w.Wang, new DateTime(2026, 11, 16, 0, 0, 0), "D+30", "pci-d30", 1, CallEnd.Refused);
        await w.CallAsync(w.Wang, new DateTime(2026, 11, 16, 8, 0, 0), "D+30", "pci-d30", 1, CallEnd.Completed, inbound: true);
        await w.CallAsync(w.Wang, new DateTime(2026, 12, 1, 0, 0, 0), "D+30", "pci-d30", 1, CallEnd.Completed);
        return w;
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Calls_are_grouped_per_day_department_plan_node_and_script_version_newest_first(DatabaseProvider provider)
    {
        await using var w = await CallsAsync(provider);
        await using var db = w.Hospital.Database.NewContext();

        var page = await OutboundBatches.ListAsync(db, w.Hospital.Nurse(w.Hospital.Cardiology.Id), November, null, 1, 20, default);

        Assert.Equal(3, page.Total);
        var (d30, v3, v2) = (page.Items[0], page.Items[1], page.Items[2]);
        Assert.Equal((new DateOnly(2026, 11, 16), "pci-d30", 1, 1, 1, 1, 0), (d30.Day, d30.ScriptKey, d30.ScriptVersion, d30.Calls, d30.Patients, d30.Answered, d30.Completed));
        Assert.Equal(("pci-d7", 3, 1), (v3.ScriptKey, v3.ScriptVersion, v3.Calls));
        Assert.Equal(("D+7", 2, 3, 2, 2, 1), (v2.Period, v2.ScriptVersion, v2.Calls, v2.Patients, v2.Answered, v2.Completed));
        Assert.Equal(new DateTime(2026, 11, 15, 9, 0, 0), v2.FirstCallAt);
        Assert.Equal(new DateTime(2026, 11, 15, 11, 0, 0), v2.LastCallAt);
        Assert.Equal("心血管内科", v2.DepartmentName);
        Assert.Equal(2.0 / 3, v2.AnsweredRate!.Value, 6);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_supervisor_sees_every_department_and_pages_through_batches(DatabaseProvider provider)
    {
        await using var w = await CallsAsync(provider);
        await using var db = w.Hospital.Database.NewContext();

        var first = await OutboundBatches.ListAsync(db, w.Hospital.Supervisor(), November, null, 1, 2, default);
        var second = await OutboundBatches.ListAsync(db, w.Hospital.Supervisor(), November, null, 2, 2, default);

        Assert.Equal(4, first.Total);
        Assert.Equal(2, second.Items.Count);
        Assert.Contains(second.Items, b => b.DepartmentName == "神经内科");
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task The_calls_of_a_batch_are_listed_in_order_and_hidden_from_other_departments(DatabaseProvider provider)
    {
        await using var w = await CallsAsync(provider);
        await using var db = w.Hospital.Database.NewContext();
        var key = new BatchKey(new DateOnly(2026, 11, 15), w.Hospital.Cardiology.Id, "D+7", "pci-d7", 2);

        var calls = await OutboundBatches.CallsAsync(db, w.Hospital.Nurse(w.Hospital.Cardiology.Id), key, default);

        Assert.Equal(["张一", "王二", "张一"], calls.Select(c => c.PatientName));
        Assert.Equal([CallEnd.Completed, CallEnd.NotReached, CallEnd.Partial], calls.Select(c => c.End));
        Assert.Empty(await OutboundBatches.CallsAsync(db, w.Hospital.Nurse(w.Hospital.Neurology.Id), key, default));
    }
}
