using Suifang.Core.Pathways;
using Suifang.Core.Data;
using Suifang.Core.Statistics;
using Suifang.Core.Tasks;
using Suifang.Core.Todos;
using Suifang.Testing;
using static Suifang.Core.Pathways.ChannelKind;
using static Suifang.Core.Tasks.TaskState;

namespace Suifang.Core.Tests.Statistics;

/// 5.1.7: coverage, reach, completion and abnormal rate per department, staff member and channel, with the expected
/// numbers counted by hand from the rows written below. November 2026, hospital time.
public sealed class FollowUpStatisticsTests
{
    private static readonly StatisticsPeriod November = StatisticsPeriod.Around(PeriodKind.Month, new DateOnly(2026, 11, 15));

    /// Cardiology (张一 李医生, 王二 王医生) and neurology (李三 李医生):
    /// AI call: 张一 11-01 00:00 completed (two abnormal to-dos, one step), 张一 11-15 unreached after 3 attempts,
    ///          王二 11-30 23:59:59 due and not tried, 王二 11-20 cancelled, 张一 10-31 23:59:59 and 王二 12-01 00:00 outside;
    /// SMS: 王二 11-15 delivered; manual: 张一 11-16 completed (critical value) and 张一 11-16 failed without attempts;
    /// questionnaire: 王二 11-10 sent, not yet answered (a red flag, which is not a trigger);
    /// neurology AI call: 李三 11-05 completed (abnormal) and 李三 11-05 unreached.
    private static async Task<StatisticsWorld> NovemberAsync(DatabaseProvider provider)
    {
        var w = await StatisticsWorld.CreateAsync(provider);
        var first = await w.StepAsync(w.Zhang, new DateTime(2026, 11, 1, 0, 0, 0), (AiCall, Completed, 1));
        await w.TodoAsync(w.Zhang, first, TodoKind.Abnormal, "ai-call", new DateTime(2026, 11, 1, 9, 0, 0));
        await w.TodoAsync(w.Zhang, first, TodoKind.Abnormal, "ai-call", new DateTime(2026, 11, 1, 9, 0, 1));
        await w.StepAsync(w.Zhang, new DateTime(2026, 11, 15, 10, 0, 0), (AiCall, Unreached, 3));
        await w.StepAsync(w.Wang, new DateTime(2026, 11, 30, 23, 59, 59), (AiCall, Due, 0));
        await w.StepAsync(w.Wang, new DateTime(2026, 11, 20, 9, 0, 0), (AiCall, Cancelled, 0));
        var october = await w.StepAsync(w.Zhang, new DateTime(2026, 10, 31, 23, 59, 59), (AiCall, Completed, 1));
        await w.TodoAsync(w.Zhang, october, TodoKind.Abnormal, "ai-call", new DateTime(2026, 11, 1, 8, 0, 0));
        await w.StepAsync(w.Wang, new DateTime(2026, 12, 1, 0, 0, 0), (AiCall, Completed, 1));
        await w.StepAsync(w.Wang, new DateTime(2026, 11, 15, 9, 0, 0), (ChannelKind.Sms, Completed, 1));
        var manual = await w.StepAsync(w.Zhang, new DateTime(2026, 11, 16, 9, 0, 0), (Manual, Completed, 1), (Manual, Failed, 0));
        await w.TodoAsync(w.Zhang, manual, TodoKind.CriticalValue, "manual", new DateTime(2026, 11, 16, 10, 0, 0));
        var questionnaire = await w.StepAsync(w.Wang, new DateTime(2026, 11, 10, 9, 0, 0), (Questionnaire, Running, 1));
        await w.TodoAsync(w.Wang, questionnaire, TodoKind.RedFlag, "questionnaire", new DateTime(2026, 11, 10, 12, 0, 0));
        var neuro = await w.StepAsync(w.Li, new DateTime(2026, 11, 5, 9, 0, 0), (AiCall, Completed, 1));
        await w.TodoAsync(w.Li, neuro, TodoKind.Abnormal, "ai-call", new DateTime(2026, 11, 5, 9, 30, 0));
        await w.StepAsync(w.Li, new DateTime(2026, 11, 5, 14, 0, 0), (AiCall, Unreached, 2));
        return w;
    }

    private static async Task<StatisticsReport> RunAsync(StatisticsWorld w, Core.Accounts.StaffScope scope, StatisticsFilter filter)
    {
        await using var db = w.Hospital.Database.NewContext();
        return await FollowUpStatistics.RunAsync(db, scope, filter, default);
    }

    private static FollowUpMeasures Row(StatisticsReport report, string department, ChannelKind channel, string? staff = null) =>
        report.Rows.Single(r => r.DepartmentName == department && r.Channel == channel && r.Staff == staff).Measures;

    [Theory, ClassData(typeof(Providers))]
    public async Task Department_figures_count_tasks_whose_window_opens_inside_the_hospital_time_month(DatabaseProvider provider)
    {
        await using var w = await NovemberAsync(provider);
        var report = await RunAsync(w, w.Hospital.Supervisor(), new StatisticsFilter { Period = November });

        Assert.Equal(new FollowUpMeasures(3, 2, 1, 1), Row(report, "心血管内科", AiCall));
        Assert.Equal(new FollowUpMeasures(1, 1, 1, 0), Row(report, "心血管内科", ChannelKind.Sms));
        Assert.Equal(new FollowUpMeasures(2, 2, 1, 1), Row(report, "心血管内科", Manual));
        Assert.Equal(new FollowUpMeasures(1, 1, 0, 0), Row(report, "心血管内科", Questionnaire));
        Assert.Equal(new FollowUpMeasures(2, 2, 1, 1), Row(report, "神经内科", AiCall));
        Assert.Equal(5, report.Rows.Count);
        Assert.Equal(new FollowUpMeasures(5, 4, 2, 2), report.ByChannel[AiCall]);
        Assert.Equal(new FollowUpMeasures(9, 8, 4, 3), report.Total);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Rates_divide_as_explained_and_are_empty_when_nothing_is_due(DatabaseProvider provider)
    {
        await using var w = await NovemberAsync(provider);
        var report = await RunAsync(w, w.Hospital.Supervisor(), new StatisticsFilter { Period = November });

        var ai = Row(report, "心血管内科", AiCall);
        Assert.Equal(2.0 / 3, ai.Coverage!.Value, 6);
        Assert.Equal(0.5, ai.Reach!.Value, 6);
        Assert.Equal(1.0 / 3, ai.Completion!.Value, 6);
        Assert.Equal(1.0, ai.AbnormalRate!.Value, 6);
        Assert.Null(Row(report, "心血管内科", Questionnaire).AbnormalRate);
        Assert.Equal("66.7%", FollowUpMeasures.Percent(ai.Coverage));
        Assert.Equal("—", FollowUpMeasures.Percent(null));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_nurse_sees_only_her_departments(DatabaseProvider provider)
    {
        await using var w = await NovemberAsync(provider);
        var report = await RunAsync(w, w.Hospital.Nurse(w.Hospital.Neurology.Id), new StatisticsFilter { Period = November });

        Assert.Equal(["神经内科"], report.Rows.Select(r => r.DepartmentName).Distinct());
        Assert.Equal(new FollowUpMeasures(2, 2, 1, 1), report.Total);

        var asked = await RunAsync(w, w.Hospital.Nurse(w.Hospital.Neurology.Id),
            new StatisticsFilter { Period = November, DepartmentId = w.Hospital.Cardiology.Id });
        Assert.Empty(asked.Rows);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Staff_figures_follow_the_attending_doctor_of_the_plan_encounter(DatabaseProvider provider)
    {
        await using var w = await NovemberAsync(provider);
        var report = await RunAsync(w, w.Hospital.Supervisor(), new StatisticsFilter { Period = November, Grouping = StatisticsGrouping.Staff });

        Assert.Equal(new FollowUpMeasures(2, 2, 1, 1), Row(report, "心血管内科", AiCall, "李医生"));
        Assert.Equal(new FollowUpMeasures(1, 0, 0, 0), Row(report, "心血管内科", AiCall, "王医生"));
        Assert.Equal(new FollowUpMeasures(2, 2, 1, 1), Row(report, "心血管内科", Manual, "李医生"));
        Assert.Equal(new FollowUpMeasures(2, 2, 1, 1), Row(report, "神经内科", AiCall, "李医生"));
        Assert.Equal(new FollowUpMeasures(9, 8, 4, 3), report.Total);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_channel_filter_and_a_single_day_keep_only_their_tasks(DatabaseProvider provider)
    {
        await using var w = await NovemberAsync(provider);
        var day = StatisticsPeriod.Around(PeriodKind.Day, new DateOnly(2026, 11, 30));
        var report = await RunAsync(w, w.Hospital.Supervisor(), new StatisticsFilter { Period = day, Channel = AiCall });

        Assert.Equal(new FollowUpMeasures(1, 0, 0, 0), report.Total);
        Assert.Equal([AiCall], report.ByChannel.Keys);

        var week = StatisticsPeriod.Around(PeriodKind.Week, new DateOnly(2026, 12, 2));
        var next = await RunAsync(w, w.Hospital.Supervisor(), new StatisticsFilter { Period = week });
        Assert.Equal(new FollowUpMeasures(2, 1, 1, 0), next.Total);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task The_trend_has_a_point_for_every_day_of_the_month(DatabaseProvider provider)
    {
        await using var w = await NovemberAsync(provider);
        var report = await RunAsync(w, w.Hospital.Supervisor(), new StatisticsFilter { Period = November });

        Assert.Equal(30, report.Trend.Count);
        Assert.Equal(new DateOnly(2026, 11, 1), report.Trend[0].Day);
        Assert.Equal(new FollowUpMeasures(1, 1, 1, 0), report.Trend[0].Measures);
        Assert.Equal(new FollowUpMeasures(2, 2, 1, 0), report.Trend[14].Measures);
        Assert.Equal(new FollowUpMeasures(1, 0, 0, 0), report.Trend[29].Measures);
        Assert.Equal(report.Total.Due, report.Trend.Sum(p => p.Measures.Due));

        var year = StatisticsPeriod.Around(PeriodKind.Year, new DateOnly(2026, 6, 1));
        var byMonth = await RunAsync(w, w.Hospital.Supervisor(), new StatisticsFilter { Period = year });
        Assert.Equal(12, byMonth.Trend.Count);
        Assert.Equal(1, byMonth.Trend[9].Measures.Due);
        Assert.Equal(9, byMonth.Trend[10].Measures.Due);
        Assert.Equal(1, byMonth.Trend[11].Measures.Due);
    }
}
