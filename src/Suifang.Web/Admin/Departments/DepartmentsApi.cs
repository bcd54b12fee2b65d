using Microsoft.AspNetCore.Authorization;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Web.Accounts;

namespace Suifang.Web.Admin.Departments;

/// /api/departments: every signed-in user reads the departments they may see; admins add and change them.
internal static class DepartmentsApi
{
    public static RouteGroupBuilder MapDepartmentsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/departments").WithTags("科室管理");
        var adminOnly = new AuthorizeAttribute { Roles = Roles.Admin };

        group.MapGet("/", async (HttpContext http, SuifangDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await DepartmentAdministration.ListAsync(db, Scope(http), ct)))
            .WithSummary("列出当前用户可见的科室（管理员和监管可见全部科室）");

        group.MapGet("/campuses", async (HttpContext http, SuifangDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await DepartmentAdministration.CampusesAsync(db, Scope(http).HospitalId, ct)))
            .WithSummary("列出本院的院区");

        group.MapPost("/", async (DepartmentInput input, HttpContext http, SuifangDbContext db, CancellationToken ct) =>
                Answer(await DepartmentAdministration.CreateAsync(db, input, Scope(http), ct), created: true))
            .RequireAuthorization(adminOnly)
            .WithSummary("新建科室（名称、代码、别名用 ; 分隔、院区、是否启用）");

        group.MapPut("/{id:int}", async (int id, DepartmentInput input, HttpContext http, SuifangDbContext db, CancellationToken ct) =>
                Answer(await DepartmentAdministration.UpdateAsync(db, id, input, Scope(http), ct)))
            .RequireAuthorization(adminOnly)
            .WithSummary("修改科室");
        return api;
    }

    private static StaffScope Scope(HttpContext http) => StaffScopes.From(http.User, http.Connection.RemoteIpAddress?.ToString());

    private static IResult Answer(DepartmentOutcome outcome, bool created = false)
    {
        if (outcome.NotFound)
            return TypedResults.Problem(title: "找不到科室", detail: outcome.Errors[0], statusCode: StatusCodes.Status404NotFound);
        if (!outcome.Succeeded)
            return TypedResults.Problem(title: "科室没有保存", detail: string.Join(" ", outcome.Errors), statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["errors"] = outcome.Errors });
        return created ? TypedResults.Created($"/api/departments/{outcome.Department!.Id}", outcome.Department) : TypedResults.Ok(outcome.Department);
    }
}
