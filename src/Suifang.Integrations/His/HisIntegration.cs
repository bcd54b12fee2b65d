using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Suifang.Core.Patients.HisSync;
using Suifang.Integrations.His.Demo;
using Suifang.Integrations.His.Fhir;

namespace Suifang.Integrations.His;

internal static class HisIntegration
{
    /// Binds and validates the "His" settings and registers the IHisSource they choose: the demo HIS or a FHIR R4 server.
    public static IServiceCollection AddHisSource(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HisOptions>().BindConfiguration(HisOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<HisOptions>, HisOptionsValidator>();
        var provider = configuration.GetSection(HisOptions.Section).GetValue(nameof(HisOptions.Provider), HisProvider.Demo);
        if (provider == HisProvider.Fhir)
        {
            services.AddHttpClient(FhirHttp.ClientName, (sp, client) =>
                client.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<HisOptions>>().Value.Fhir.TimeoutSeconds));
            services.AddSingleton<FhirHttp>();
            services.AddSingleton<IHisSource, FhirHisSource>();
        }
        else
        {
            services.AddSingleton<IHisSource, DemoHisSource>();
        }
        return services;
    }
}
