using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Suifang.Core.Alerts;
using Suifang.Core.Common;
using Suifang.Core.Data;
using Suifang.Core.Sms;
using Suifang.Web.Alerts;

// In the Hosting namespace so that Program.cs needs one line and no new using.
namespace Suifang.Web.Hosting;

/// Alerts (预警, 7.2.4.1 b, 7.2.5.1): duty roster and assignment, critical alerts on screen and by SMS, escalation,
/// critical values and trends from follow-up results, alert load and rule tuning; pages /settings/duty, /alerts/load.
internal static class AlertsModule
{
    public static WebApplicationBuilder AddAlerts(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddOptions<AlertsOptions>().BindConfiguration(AlertsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        s.AddSingleton<AlertNotifier>();
        s.AddSingleton(sp => new CriticalFeed(NewContext(sp), sp.GetRequiredService<AlertNotifier>(), Now(sp)));
        s.AddSingleton(sp =>
        {
            var notifier = sp.GetRequiredService<AlertNotifier>();
            return new AlertDispatcher(NewContext(sp), sp.GetRequiredService<ISmsOutbox>(), Now(sp)) { Handled = _ => notifier.Wake() };
        });
        s.AddSingleton(sp => new ResultAlerts(NewContext(sp), sp.GetRequiredService<IOptions<AlertsOptions>>().Value.Limits(),
            TrendDetector.Defaults, Now(sp)));
        if (builder.Configuration.GetValue($"{AlertsOptions.Section}:{nameof(AlertsOptions.Enabled)}", true))
            s.AddHostedService<AlertsService>();
        return builder;
    }

    private static Func<SuifangDbContext> NewContext(IServiceProvider sp)
    {
        var factory = sp.GetRequiredService<IDbContextFactory<SuifangDbContext>>();
        return factory.CreateDbContext;
    }

    private static Func<DateTime> Now(IServiceProvider sp)
    {
        var clock = sp.GetRequiredService<HospitalClock>();
        return () => clock.Now;
    }
}
