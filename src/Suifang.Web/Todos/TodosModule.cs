namespace Suifang.Web.Todos;

/// 待办 (issue #6, 5.1.6, 7.2.4.1): the nurses' to-do list, the detail page with its evidence, the home figures.
internal static class TodosModule
{
    public static RouteGroupBuilder MapTodosApi(this RouteGroupBuilder api)
    {
        TodosApi.Map(api.MapGroup("/todos").WithTags("待办"));
        return api;
    }
}
