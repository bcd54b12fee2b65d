using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Suifang.Agent.Telephony;
using Suifang.Integrations.Telephony;
using Suifang.Integrations.Telephony.Sip;

namespace Suifang.Integrations.Tests.Telephony.Sip;

public sealed class TelephonyOptionsTests
{
    [Fact]
    public void Sip_without_a_trunk_fails_at_start_with_a_chinese_message()
    {
        var services = Services(new() { ["Telephony:Provider"] = "Sip" });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TelephonyOptions>>().Value);

        Assert.Contains("Telephony:Sip:TrunkUri", error.Message, StringComparison.Ordinal);
        Assert.Contains("医院 SIP 中继", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_registrar_needs_user_name_and_password()
    {
        var result = new TelephonyOptionsValidator().Validate(null, new TelephonyOptions
        {
            Provider = TelephonyProvider.Sip,
            Sip = new SipOptions { TrunkUri = "sip:10.1.2.3:5060", RegistrarUri = "sip:ims.example.cn" },
        });
        Assert.True(result.Failed);
        Assert.Contains("UserName", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sip_settings_bind_and_register_the_sip_telephony()
    {
        var work = Directory.CreateTempSubdirectory("suifang-sip-di-").FullName;
        var services = Services(new()
        {
            ["Telephony:Sip:WorkFolder"] = work,
            ["Telephony:Provider"] = "Sip",
            ["Telephony:Sip:TrunkUri"] = "sip:10.1.2.3:5060",
            ["Telephony:Sip:Lines"] = "4",
            ["Telephony:Sip:CallerId"] = "02512345678",
        });
        services.AddSingleton<Suifang.Agent.Speech.ITextToSpeech, EspeakSpeech>();
        services.AddSingleton<Suifang.Agent.Speech.ISpeechToText>(new ScriptedRecognizer());
        await using var provider = services.BuildServiceProvider();

        var sip = provider.GetRequiredService<IOptions<TelephonyOptions>>().Value.Sip;
        Assert.Equal((4, "02512345678"), (sip.Lines, sip.CallerId));
        Assert.Contains("sip:10.1.2.3:5060", provider.GetRequiredService<ITelephony>().Name, StringComparison.Ordinal);
        await provider.DisposeAsync();
        Directory.Delete(work, recursive: true);
    }

    [Fact]
    public void The_simulated_default_registers_no_sip_telephony()
    {
        Assert.DoesNotContain(Services([]), d => d.ServiceType == typeof(ITelephony));
    }

    [Fact]
    public void Health_check_says_in_chinese_how_to_install_a_missing_baresip()
    {
        var result = BaresipHealthCheck.Check(new SipOptions { BaresipPath = "/nonexistent/baresip" });
        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("apt-get install baresip", result.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, BaresipHealthCheck.Check(new SipOptions()).Status);
    }

    private static ServiceCollection Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSipTelephony(configuration);
        return services;
    }
}
