namespace Suifang.Web.Demo;

internal static class DemoModule
{
    public static IServiceCollection AddDemo(this IServiceCollection services) => services.AddScoped<DemoHospitalSeeder>();
}
