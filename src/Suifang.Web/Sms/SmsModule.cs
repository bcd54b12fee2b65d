using Suifang.Integrations.Sms;
using Suifang.Web.Sms;

// In the Hosting namespace so that Program.cs needs one line and no new using.
namespace Suifang.Web.Hosting;

/// SMS (短信): the outbox and its provider, the SMS task channel, the background sender, mass sending; pages under
/// /sms and /settings/sms, API under /api/sms.
internal static class SmsModule
{
    public static WebApplicationBuilder AddSms(this WebApplicationBuilder builder)
    {
        builder.Services.AddSuifangSms(builder.Configuration);
        builder.Services.AddSingleton<SmsMassSender>();
        if (builder.Configuration.GetValue("Sms:SenderEnabled", true))
            builder.Services.AddHostedService<SmsSenderService>();
        return builder;
    }

    public static RouteGroupBuilder MapSmsApi(this RouteGroupBuilder api)
    {
        SmsApi.Map(api.MapGroup("/sms").WithTags("短信"));
        return api;
    }
}
