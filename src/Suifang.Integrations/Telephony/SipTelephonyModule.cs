using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Suifang.Agent.Telephony;
using Suifang.Integrations.Telephony.Sip;

namespace Suifang.Integrations.Telephony;

internal static class SipTelephonyModule
{
    /// Binds and validates the "Telephony" settings; when Telephony:Provider is Sip, registers the baresip-based
    /// ITelephony (it needs an ITextToSpeech and an ISpeechToText registered elsewhere) and a health check that says in
    /// Chinese when baresip is missing. The simulated network is registered by its own module.
    public static IServiceCollection AddSipTelephony(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelephonyOptions>().BindConfiguration(TelephonyOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelephonyOptions>, TelephonyOptionsValidator>();
        var provider = configuration.GetSection(TelephonyOptions.Section).GetValue(nameof(TelephonyOptions.Provider), TelephonyProvider.Simulated);
        if (provider == TelephonyProvider.Sip)
        {
            services.AddSingleton<SipTelephony>();
            services.AddSingleton<ITelephony>(sp => sp.GetRequiredService<SipTelephony>());
            services.AddHealthChecks().AddCheck<BaresipHealthCheck>("sip-telephony");
        }
        return services;
    }
}

/// Healthy when the configured baresip binary and its modules are installed.
internal sealed class BaresipHealthCheck(IOptions<TelephonyOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Check(options.Value.Sip));

    public static HealthCheckResult Check(SipOptions sip)
    {
        if (!File.Exists(sip.BaresipPath))
            return HealthCheckResult.Unhealthy($"找不到 baresip（{sip.BaresipPath}），SIP 外呼无法拨号。请在服务器上安装：apt-get install baresip，或在 Telephony:Sip:BaresipPath 中填写其路径。");
        foreach (var module in new[] { "g711.so", "aufile.so", "sndfile.so", "ctrl_tcp.so", "menu.so", "account.so" })
        {
            if (!File.Exists(Path.Combine(sip.ModulePath, module)))
                return HealthCheckResult.Unhealthy($"baresip 模块 {module} 不在 {sip.ModulePath}，SIP 外呼无法工作。请检查 Telephony:Sip:ModulePath，或重新安装 baresip。");
        }
        return HealthCheckResult.Healthy($"baresip 已就绪（{sip.BaresipPath}）。");
    }
}
