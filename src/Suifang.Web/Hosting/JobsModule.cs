using Quartz;

namespace Suifang.Web.Hosting;

internal static class JobsModule
{
    /// Quartz.NET with its in-memory store on one node; each module adds its own jobs in its Add<Module> method.
    public static WebApplicationBuilder AddSuifangJobs(this WebApplicationBuilder builder)
    {
        builder.Services.AddQuartz();
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return builder;
    }
}
