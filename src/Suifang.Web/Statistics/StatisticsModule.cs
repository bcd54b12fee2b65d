namespace Suifang.Web.Statistics;

internal static class StatisticsModule
{
    public static RouteGroupBuilder MapStatisticsApi(this RouteGroupBuilder api)
    {
        StatisticsApi.Map(api.MapGroup("/statistics").WithTags("随访统计"));
        return api;
    }
}
