using Quartz;
using Suifang.Core.Common;

namespace Suifang.Web.Plans;

internal sealed class PlansOptions
{
    public const string Section = "Plans";

    /// When the daily plan creation runs (Quartz cron, hospital time); default 01:30.
    public string DailyCron { get; set; } = "0 30 1 * * ?";

    /// How far back the daily run looks for encounters without a plan (days after discharge or visit).
    [System.ComponentModel.DataAnnotations.Range(1, 365, ErrorMessage = "Plans:LookbackDays 应为 1 到 365 天。")]
    public int LookbackDays { get; set; } = 30;

    /// When finished plans are closed and their E_p / P_p computed; default every hour at :15.
    public string CloseCron { get; set; } = "0 15 * * * ?";
}

internal static class PlansModule
{
    public static WebApplicationBuilder AddPlans(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PlansOptions>().BindConfiguration(PlansOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(PlansOptions.Section).Get<PlansOptions>() ?? new PlansOptions();
        var zone = HospitalClock.FindZone(builder.Configuration["Suifang:TimeZone"] ?? "Asia/Shanghai");
        builder.Services.AddQuartz(q =>
        {
            q.AddJob<DailyPlanCreationJob>(j => j.WithIdentity(DailyPlanCreationJob.Key).StoreDurably().WithDescription("每天按计划规则为新出院、新就诊的患者创建随访计划"));
            q.AddTrigger(t => t.ForJob(DailyPlanCreationJob.Key).WithIdentity("plans-daily").WithCronSchedule(options.DailyCron, c => c.InTimeZone(zone)));
            q.AddJob<ClosePlansJob>(j => j.WithIdentity(ClosePlansJob.Key).StoreDurably().WithDescription("结束步骤都已执行完的随访计划，计算规划有效率和准确率"));
            q.AddTrigger(t => t.ForJob(ClosePlansJob.Key).WithIdentity("plans-close").WithCronSchedule(options.CloseCron, c => c.InTimeZone(zone)));
        });
        return builder;
    }

    public static RouteGroupBuilder MapPlansApi(this RouteGroupBuilder api)
    {
        PlansApi.Map(api.MapGroup("/plans").WithTags("随访计划"));
        return api;
    }
}
