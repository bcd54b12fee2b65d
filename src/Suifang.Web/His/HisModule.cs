using Quartz;
using Suifang.Core.Common;
using Suifang.Core.Patients.HisSync;
using Suifang.Integrations.His;

namespace Suifang.Web.His;

internal static class HisModule
{
    public static WebApplicationBuilder AddHis(this WebApplicationBuilder builder)
    {
        builder.Services.AddHisSource(builder.Configuration);
        builder.Services.AddSingleton<HisSyncService>();
        builder.Services.AddSingleton<HisSyncRunner>();

        // An invalid cron is reported in Chinese by the options validation at start; the trigger needs a valid one.
        var options = builder.Configuration.GetSection(HisOptions.Section).Get<HisOptions>() ?? new HisOptions();
        var zone = HospitalClock.FindZone(builder.Configuration["Suifang:TimeZone"] ?? "Asia/Shanghai");
        builder.Services.AddQuartz(q =>
        {
            q.AddJob<HisPullJob>(j => j.WithIdentity(HisPullJob.Key).StoreDurably().WithDescription("每天从 HIS 拉取就诊患者"));
            if (HisSchedule.CronOrNull(options.PullCron, zone) is not null)
                q.AddTrigger(t => t.ForJob(HisPullJob.Key).WithIdentity("his-pull-daily")
                    .WithCronSchedule(options.PullCron, c => c.InTimeZone(zone)));
        });
        builder.Services.AddSingleton(_ => new HisSchedule(options.PullCron, zone));
        return builder;
    }

    public static RouteGroupBuilder MapHisApi(this RouteGroupBuilder api)
    {
        HisApi.Map(api.MapGroup("/his").WithTags("HIS 同步"));
        return api;
    }
}
