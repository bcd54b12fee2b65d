using Suifang.Web.Demo;

namespace Suifang.Web.Patients;

internal static class PatientsModule
{
    public static WebApplicationBuilder AddPatients(this WebApplicationBuilder builder)
    {
        builder.Services.AddDemo();
        return builder;
    }

    public static RouteGroupBuilder MapPatientsApi(this RouteGroupBuilder api)
    {
        api.MapPatientReadApi();
        api.MapPatientWriteApi();   // hand entry, encounters, Excel import
        return api;
    }
}
