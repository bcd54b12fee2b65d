using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartz;
using Suifang.Core.Common;
using Suifang.Core.Data;
using Suifang.Core.Tasks;
using Suifang.Core.Tasks.Engine;
using Suifang.Core.Tasks.Simulated;

namespace Suifang.Web.Tasks;

internal static class TasksModule
{
    /// The task engine: dispatcher (a hosted service), maintenance job, channels (simulated unless a real one is
    /// registered), the default contact gate (allows everything) unless the contact rules module registers one.
    public static WebApplicationBuilder AddTasks(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TaskEngineOptions>().BindConfiguration(TaskEngineOptions.Section);
        services.TryAddSingleton<IContactGate, AllowAllContactGate>();
        // 人工随访: manual tasks go into the nurses' work queue instead of the simulated stand-in.
        services.AddSingleton<ITaskChannel>(sp => new Core.ManualFollowUp.ManualTaskChannel(
            sp.GetRequiredService<IDbContextFactory<SuifangDbContext>>().CreateDbContext, () => sp.GetRequiredService<HospitalClock>().Now));
        services.AddSingleton(sp =>
        {
            var factory = sp.GetRequiredService<IDbContextFactory<SuifangDbContext>>();
            var clock = sp.GetRequiredService<HospitalClock>();
            var options = sp.GetRequiredService<IOptions<TaskEngineOptions>>().Value;
            return new TaskChannelSet(sp.GetServices<ITaskChannel>(),
                kind => new SimulatedChannel(kind, factory.CreateDbContext, () => clock.Now, options.SimulatedEffectMilliseconds));
        });
        services.AddSingleton(sp => new TaskEngine(
            sp.GetRequiredService<IDbContextFactory<SuifangDbContext>>().CreateDbContext,
            sp.GetRequiredService<IContactGate>(),
            sp.GetRequiredService<TaskChannelSet>(),
            () => sp.GetRequiredService<HospitalClock>().Now,
            sp.GetRequiredService<IOptions<TaskEngineOptions>>().Value,
            $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}",
            sp.GetRequiredService<ILogger<TaskEngine>>()));
        if (builder.Configuration.GetValue($"{TaskEngineOptions.Section}:DispatcherEnabled", true))
            services.AddHostedService<TaskDispatcherService>();
        services.AddQuartz(q =>
        {
            q.AddJob<TaskMaintenanceJob>(j => j.WithIdentity(TaskMaintenanceJob.Key).WithDescription("随访任务：到时的任务转为待执行，回收过期的领取"));
            q.AddTrigger(t => t.ForJob(TaskMaintenanceJob.Key).WithIdentity("tasks-maintenance")
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(30)).RepeatForever()));
        });
        return builder;
    }

    public static RouteGroupBuilder MapTasksApi(this RouteGroupBuilder api)
    {
        TasksApi.Map(api.MapGroup("/tasks").WithTags("随访任务"));
        return api;
    }
}

/// The dispatcher loop of this node (see TaskDispatcher): stops leasing at shutdown and lets running effects finish.
internal sealed class TaskDispatcherService(TaskEngine engine, ILogger<TaskDispatcherService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        log.LogInformation("Task dispatcher {Owner} started", engine.Owner);
        await new TaskDispatcher(engine, log).RunAsync(stoppingToken);
    }
}

/// Promotion of due tasks and the lease reaper, also when no dispatcher runs on this node.
[DisallowConcurrentExecution]
internal sealed class TaskMaintenanceJob(IDbContextFactory<SuifangDbContext> factory, HospitalClock clock) : IJob
{
    public static readonly JobKey Key = new("tasks-maintenance", "tasks");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await TaskMaintenance.RunAsync(db, clock.Now, ct);
    }
}
