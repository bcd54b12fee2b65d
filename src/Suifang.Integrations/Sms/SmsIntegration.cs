using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Suifang.Agent.Understanding;
using Suifang.Agent.Understanding.Chinese;
using Suifang.Core.Common;
using Suifang.Core.Contact;
using Suifang.Core.Data;
using Suifang.Core.Security;
using Suifang.Core.Sms;
using Suifang.Core.Tasks;

namespace Suifang.Integrations.Sms;

public static class SmsIntegration
{
    public const string HttpClientName = "sms";

    /// The outbox (ISmsOutbox), its provider (Sms:Provider = Simulated | Aliyun | Tencent), the sender and, unless
    /// Sms:TaskChannelEnabled is false, the SMS task channel in place of the simulated stand-in.
    public static IServiceCollection AddSuifangSms(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SmsOptions>().BindConfiguration(SmsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SmsProviderOptions>().BindConfiguration(SmsOptions.Section);
        services.AddOptions<SmsCallbackOptions>().BindConfiguration(SmsCallbackOptions.Section)
            .Validate(o => o.Secret.Length == 0 || o.Enabled, $"短信回调密钥 Sms:Callback:Secret 太短：至少 {SmsCallbackOptions.MinSecretLength} 个字符（建议用 openssl rand -hex 32 生成）。")
            .Validate(o => o.MaxBodyBytes is >= 1024 and <= 10 * 1024 * 1024, "Sms:Callback:MaxBodyBytes 应在 1024 到 10485760 之间。")
            .ValidateOnStart();
        services.AddHttpClient(HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan);   // providers apply their own timeout
        services.TryAddSingleton<ContactPolicies>();
        services.AddSingleton<ISmsProvider>(sp => CreateProvider(sp.GetRequiredService<IOptions<SmsProviderOptions>>().Value,
            () => sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName)));
        services.AddSingleton(sp => new SmsRateLimit(sp.GetRequiredService<IOptions<SmsOptions>>().Value.MaxPerSecond));
        services.AddSingleton(sp => new SmsDispatch(sp.GetRequiredService<ISmsProvider>(), sp.GetRequiredService<SensitiveDataProtector>(),
            sp.GetRequiredService<ContactPolicies>(), sp.GetRequiredService<IOptions<SmsOptions>>().Value));
        services.AddSingleton<ISmsOutbox>(sp => new SmsOutbox(NewContext(sp), sp.GetRequiredService<SmsDispatch>(),
            sp.GetRequiredService<ContactPolicies>(), sp.GetRequiredService<IOptions<SmsOptions>>().Value,
            sp.GetRequiredService<SmsRateLimit>(), Now(sp)));
        services.AddSingleton(sp => new SmsSender(NewContext(sp), sp.GetRequiredService<SmsDispatch>(), sp.GetRequiredService<ISmsProvider>(),
            sp.GetRequiredService<SensitiveDataProtector>(), sp.GetRequiredService<SmsRateLimit>(),
            sp.GetRequiredService<IOptions<SmsOptions>>().Value, Now(sp), sp.GetRequiredService<ISmsReplyReader>()));
        services.TryAddSingleton<ISmsReplyReader>(sp => new AgentSmsReplyReader(sp.GetService<IUnderstander>() ?? ChineseUnderstander.Shared));
        if (configuration.GetValue($"{SmsOptions.Section}:{nameof(SmsOptions.TaskChannelEnabled)}", true))
            services.AddSingleton<ITaskChannel>(sp => new SmsTaskChannel(sp.GetRequiredService<ISmsOutbox>(), NewContext(sp)));
        return services;
    }

    public static ISmsProvider CreateProvider(SmsProviderOptions options, Func<HttpClient> http) =>
        options.Provider.ToLowerInvariant() switch
        {
            "aliyun" => new AliyunSmsProvider(http(), options.Aliyun, TimeSpan.FromSeconds(options.TimeoutSeconds)),
            "tencent" => new TencentSmsProvider(http(), options.Tencent, TimeSpan.FromSeconds(options.TimeoutSeconds)),
            "simulated" or "" => new SimulatedSmsProvider(),
            _ => throw new OptionsValidationException(SmsOptions.Section, typeof(SmsProviderOptions),
                [$"短信平台 Sms:Provider = “{options.Provider}” 无法识别：请填 Simulated（模拟）、Aliyun（阿里云）或 Tencent（腾讯云）。"]),
        };

    /// What the settings page shows: the provider, whether its keys are filled in (never the keys themselves).
    public static IReadOnlyList<(string Name, string Value)> Describe(SmsProviderOptions o) => o.Provider.ToLowerInvariant() switch
    {
        "aliyun" => [("平台", "阿里云短信"), ("接口地址", o.Aliyun.Endpoint), ("签名", o.Aliyun.SignName),
            ("AccessKey ID", Filled(o.Aliyun.AccessKeyId)), ("AccessKey Secret", Filled(o.Aliyun.AccessKeySecret))],
        "tencent" => [("平台", "腾讯云短信"), ("接口地址", o.Tencent.Endpoint), ("签名", o.Tencent.SignName), ("SdkAppId", o.Tencent.SdkAppId),
            ("SecretId", Filled(o.Tencent.SecretId)), ("SecretKey", Filled(o.Tencent.SecretKey))],
        _ => [("平台", "模拟短信平台（内置，不真正发出短信；回执为模拟）")],
    };

    private static string Filled(string value) => string.IsNullOrWhiteSpace(value) ? "未填写" : "已填写";

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
