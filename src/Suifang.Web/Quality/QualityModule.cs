using Quartz;
using Suifang.Core.Common;

namespace Suifang.Web.Quality;

internal sealed class QualityOptions
{
    public const string Section = "Quality";

    /// How often finished calls are sampled and checked (Quartz cron, hospital time); default every 5 minutes.
    public string SampleCron { get; set; } = "0 */5 * * * ?";

    /// When the retention sweep runs; default 02:40 every night.
    public string RetentionCron { get; set; } = "0 40 2 * * ?";
}

/// 质检 (7.2.5.2): the sampling job, the retention sweep, the review queue, review and report pages, /api/quality.
internal static class QualityModule
{
    public static WebApplicationBuilder AddQuality(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<QualityOptions>().BindConfiguration(QualityOptions.Section);
        var options = builder.Configuration.GetSection(QualityOptions.Section).Get<QualityOptions>() ?? new QualityOptions();
        var zone = HospitalClock.FindZone(builder.Configuration["Suifang:TimeZone"] ?? "Asia/Shanghai");
        builder.Services.AddQuartz(q =>
        {
            q.AddJob<QualitySamplingJob>(j => j.WithIdentity(QualitySamplingJob.Key).StoreDurably().WithDescription("按比例抽检已结束的 AI 通话并自动检查"));
            q.AddTrigger(t => t.ForJob(QualitySamplingJob.Key).WithIdentity("quality-sample").WithCronSchedule(options.SampleCron, c => c.InTimeZone(zone)));
            q.AddJob<RetentionJob>(j => j.WithIdentity(RetentionJob.Key).StoreDurably().WithDescription("删除超过保存期限的录音、通话文字和结构化数据"));
            q.AddTrigger(t => t.ForJob(RetentionJob.Key).WithIdentity("quality-retention").WithCronSchedule(options.RetentionCron, c => c.InTimeZone(zone)));
        });
        return builder;
    }
}
