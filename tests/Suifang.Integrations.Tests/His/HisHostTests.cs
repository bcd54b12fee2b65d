using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Patients.HisSync;
using Suifang.Core.Patients.Import;
using Suifang.Testing;
using Suifang.Web.His;

namespace Suifang.Integrations.Tests.His;

public sealed class HisHostTests
{
    [Fact]
    public async Task The_daily_pull_is_scheduled_at_01_30_hospital_time_and_the_page_shows_the_source()
    {
        await using var app = await SuifangWebFactory.StartAsync(DatabaseProvider.Sqlite);
        await StaffAccounts.EnsureDepartmentAsync(app.Services, "XNK", "心血管内科");
        await StaffAccounts.CreateAsync(app.Services, "nurse-page", Roles.Nurse, "XNK");
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        await StaffAccounts.LoginAsync(client, "nurse-page", StaffAccounts.Password);

        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = await scheduler.GetTrigger(new TriggerKey("his-pull-daily"));
        var page = await client.GetStringAsync("/his");

        var next = TimeZoneInfo.ConvertTime(trigger!.GetFireTimeAfter(DateTimeOffset.UtcNow)!.Value, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        Assert.Equal((1, 30), (next.Hour, next.Minute));
        Assert.Contains("HIS 同步", page);
        Assert.Contains("立即同步", page);
        Assert.Contains("演示 HIS", page);
        Assert.Contains("还没有同步记录", page);
    }

    [Fact]
    public async Task The_scheduled_job_runs_a_sync_as_the_system()
    {
        await using var app = await SuifangWebFactory.StartAsync(DatabaseProvider.Sqlite);
        await StaffAccounts.EnsureDepartmentAsync(app.Services, "XNK", "心血管内科");
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        await scheduler.TriggerJob(HisPullJob.Key);

        var deadline = DateTime.UtcNow.AddSeconds(60);
        HisSyncRun? run;
        do
        {
            await Task.Delay(100);
            await using var db = app.Database.NewContext();
            run = await db.HisSyncRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Status != JobStatus.Running);
        }
        while (run is null && DateTime.UtcNow < deadline);
        Assert.Equal(("定时", JobStatus.Completed), (run!.Trigger, run.Status));
        await using var check = app.Database.NewContext();
        Assert.True(await check.AuditLog.AnyAsync(a => a.UserName == "系统:HIS 同步" && a.Action == "sync"));
    }

    [Fact]
    public async Task A_FHIR_connection_without_an_address_stops_the_start_with_a_Chinese_message()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => SuifangWebFactory.StartAsync(DatabaseProvider.Sqlite,
            new Dictionary<string, string?> { ["His:Provider"] = "Fhir", ["His:PullCron"] = "每天凌晨" }));

        var validation = Assert.IsType<OptionsValidationException>(error.GetBaseException());
        Assert.Contains(validation.Failures, f => f.Contains("His:Fhir:BaseUrl"));
        Assert.Contains(validation.Failures, f => f.Contains("His:PullCron"));
    }
}
