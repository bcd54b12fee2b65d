using Quartz;
using Suifang.Core.Common;

namespace Suifang.Web.Statistics;

internal sealed class StatisticsOptions
{
    public const string Section = "Statistics";

    /// When the daily rollup runs (Quartz cron, hospital time); default every 15 minutes from 00:05.
    public string RollupCron { get; set; } = "0 5/15 * * * ?";

    /// How many closed days each run rolls up again (yesterday and the days before it); see StatisticsRollup.
    public int ReRollDays { get; set; } = 3;
}

internal static class StatisticsModule
{
    /// 随访统计 (5.1.7): the daily rollup job the statistics and the outbound batch list read for closed days.
    public static WebApplicationBuilder AddStatistics(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StatisticsOptions>().BindConfiguration(StatisticsOptions.Section);
        var options = builder.Configuration.GetSection(StatisticsOptions.Section).Get<StatisticsOptions>() ?? new StatisticsOptions();
        var zone = HospitalClock.FindZone(builder.Configuration["Suifang:TimeZone"] ?? "Asia/Shanghai");
        builder.Services.AddQuartz(q =>
        {
            q.AddJob<StatisticsRollupJob>(j => j.WithIdentity(StatisticsRollupJob.Key).StoreDurably().WithDescription("汇总已结束日期的随访统计和外呼批次"));
            q.AddTrigger(t => t.ForJob(StatisticsRollupJob.Key).WithIdentity("statistics-rollup")
                .WithCronSchedule(options.RollupCron, c => c.InTimeZone(zone)));
        });
        return builder;
    }

    public static RouteGroupBuilder MapStatisticsApi(this RouteGroupBuilder api)
    {
        StatisticsApi.Map(api.MapGroup("/statistics").WithTags("随访统计"));
        return api;
    }
}
