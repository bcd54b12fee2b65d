using Suifang.Web.Knowledge;
using Suifang.Web.Calls;
using Suifang.Web.ManualFollowUp;
using Suifang.Web.Patients;
using Suifang.Web.His;
using Suifang.Web.Pathways;
using Suifang.Web.Tasks;
using Suifang.Web.Plans;
using Suifang.Web.Admin.AuditTrail;
using Suifang.Web.Admin.Departments;
using Suifang.Web.Admin.Users;
using Suifang.Web.Contact;
using Suifang.Web.Scripts;
using Suifang.Web.Questionnaires;
using Suifang.Web.Quality;
using Suifang.Web.Statistics;

namespace Suifang.Web.Hosting;

internal static class ApiModule
{
    public static WebApplicationBuilder AddSuifangApi(this WebApplicationBuilder builder)
    {
        // Enums travel by name ("Discharged", "Female"), so API clients need no table of numbers.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "随访平台 API";
            doc.Info.Description = "每个模块的接口都在 /api/<模块> 之下，使用与网页相同的登录和权限：先在浏览器登录（或用登录 Cookie），再调用接口。";
            return Task.CompletedTask;
        }));
        return builder;
    }

    public static WebApplication MapSuifangApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").RequireAuthorization();
        api.MapPatientsApi();
        api.MapHisApi();
        api.MapPathwaysApi();
        api.MapPlansApi();
        api.MapAccountsApi();
        api.MapDepartmentsApi();
        api.MapAuditApi();
        api.MapTasksApi();
        api.MapContactApi();
        api.MapKnowledgeApi();
        api.MapScriptsApi();
        api.MapCallsApi();
        api.MapSmsApi();
        api.MapQuestionnairesApi();
        api.MapManualApi();
        api.MapQualityApi();
        api.MapStatisticsApi();
        Todos.TodosModule.MapTodosApi(api);
        api.MapFallback(() => TypedResults.Problem(
            title: "没有这个接口",
            detail: "请求的地址不是随访平台的接口。可用的接口见 /scalar/v1 的接口文档。",
            statusCode: StatusCodes.Status404NotFound)).ExcludeFromDescription();
        return app;
    }
}
