using Bunit;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MudBlazor.Services;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Patients.HisSync;
using Suifang.Web.Accounts;
using Suifang.Web.His;

namespace Suifang.Integrations.Tests.His;

public sealed class HisSyncPageTests
{
    private static readonly DateTime At10 = new(2026, 11, 28, 10, 0, 0);

    [Fact]
    public async Task Sync_now_shows_a_live_progress_bar_then_the_run_with_its_rejected_records_and_reasons()
    {
        await using var world = await SyncWorld.CreateAsync(DatabaseProvider.Sqlite);
        var source = new ScriptedSource(
            ScriptedSource.Batch(At10, 1, 2) with { Rejected = [new HisRejection("Encounter/e-bad", "就诊没有指明患者")] },
            ScriptedSource.Batch(At10.AddHours(1), 3))
        {
            Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously),
        };
        await using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLocalization();
        ctx.Services.AddLogging();
        ctx.Services.AddSingleton(world.Contexts);
        ctx.Services.AddSingleton(world.Service(source));
        ctx.Services.AddSingleton<IHostApplicationLifetime, RunningHost>();
        ctx.Services.AddSingleton<HisSyncRunner>();
        ctx.Services.AddSingleton(new HisSchedule("0 30 1 * * ?", world.Clock.Zone));
        ctx.Services.AddSingleton<IHttpContextAccessor, HttpContextAccessor>();
        ctx.Services.AddScoped<ClientAddress>();
        ctx.Services.AddScoped<CurrentStaff>();
        ctx.AddAuthorization().SetAuthorized("护士甲").SetRoles(Roles.Nurse);

        var page = ctx.Render<HisSyncPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=his-no-runs]")));
        Assert.Contains("测试 HIS", page.Find("[data-testid=his-source]").TextContent);

        await page.InvokeAsync(() => page.Find("[data-testid=his-sync-now]").Click());
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=his-progress]")), TimeSpan.FromSeconds(10));
        Assert.True(page.Find("[data-testid=his-sync-now]").HasAttribute("disabled"));
        source.Hold!.SetResult();

        page.WaitForAssertion(() =>
        {
            Assert.Empty(page.FindAll("[data-testid=his-progress]"));
            Assert.Contains("已完成", page.Find("[data-testid=his-runs]").TextContent);
        }, TimeSpan.FromSeconds(30));
        // The page re-renders while it polls: find and click in one dispatch so the handler cannot change in between.
        await page.InvokeAsync(() => page.Find("[data-testid=his-show-rejected]").Click());
        page.WaitForAssertion(() => Assert.Contains("就诊没有指明患者", page.Find("[data-testid=his-rejected]").TextContent));
        Assert.Contains("2026-11-28 11:00:00", page.Find("[data-testid=his-watermark]").TextContent);
    }

    private sealed class RunningHost : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;
        public CancellationToken ApplicationStopping => CancellationToken.None;
        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
