namespace Suifang.Web.His;

internal static class HisModule
{
    public static WebApplicationBuilder AddHis(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static RouteGroupBuilder MapHisApi(this RouteGroupBuilder api)
    {
        return api;
    }
}
