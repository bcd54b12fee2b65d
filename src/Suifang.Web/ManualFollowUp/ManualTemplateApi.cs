using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Suifang.Core.Accounts;
using Suifang.Core.Common;
using Suifang.Core.Data;
using Suifang.Core.ManualFollowUp;
using Suifang.Core.ManualFollowUp.Editing;
using Suifang.Core.Patients;
using Suifang.Web.Accounts;

namespace Suifang.Web.ManualFollowUp;

/// /api/manual/templates: the department's manual follow-up forms, versions, publish and archive.
internal static class ManualTemplateApi
{
    public static readonly string Editors = string.Join(',', Roles.Admin, Roles.Doctor, Roles.Nurse);

    public static void Map(RouteGroupBuilder templates)
    {
        var view = new AuthorizeAttribute { Roles = ManualApi.Viewers };
        var edit = new AuthorizeAttribute { Roles = Editors };
        templates.MapGet("/", ListAsync).RequireAuthorization(view).WithSummary("本人科室和全院通用的人工随访模板（含各版本）");
        templates.MapGet("/{id:int}", GetAsync).RequireAuthorization(view).WithSummary("一个模板版本的问题、选项和异常规则");
        templates.MapPost("/", CreateAsync).RequireAuthorization(edit).WithSummary("新建模板（草稿）");
        templates.MapPut("/{id:int}", SaveAsync).RequireAuthorization(edit)
            .WithSummary("修改模板；已被随访记录使用的版本不再改动，而是生成下一版草稿");
        templates.MapPost("/{id:int}/publish", PublishAsync).RequireAuthorization(edit).WithSummary("发布此版本（同一模板之前发布的版本自动停用）");
        templates.MapPost("/{id:int}/archive", ArchiveAsync).RequireAuthorization(edit).WithSummary("停用此版本");
    }

    private static StaffScope Scope(HttpContext http) => StaffScopes.From(http.User, http.Connection.RemoteIpAddress?.ToString());

    private static async Task<Ok<List<ManualTemplateRow>>> ListAsync(SuifangDbContext db, HttpContext http, bool? archived, CancellationToken ct) =>
        TypedResults.Ok(await ManualTemplateCommands.ListAsync(db, Scope(http), archived ?? false, ct));

    private static async Task<Results<Ok<ManualFormTemplate>, ProblemHttpResult>> GetAsync(int id, SuifangDbContext db, HttpContext http, CancellationToken ct)
    {
        var t = await ManualTemplateCommands.GetAsync(db, Scope(http), id, ct);
        return t.Access == Access.Granted ? TypedResults.Ok(t.Value!) : ManualApi.Problem(t.Access);
    }

    private static Task<Results<Ok<ManualFormTemplate>, ProblemHttpResult>> CreateAsync(ManualTemplateInput input, SuifangDbContext db,
        HttpContext http, HospitalClock clock, CancellationToken ct) => SaveAsync(null, input, db, http, clock, ct);

    private static async Task<Results<Ok<ManualFormTemplate>, ProblemHttpResult>> SaveAsync(int? id, ManualTemplateInput input, SuifangDbContext db,
        HttpContext http, HospitalClock clock, CancellationToken ct) =>
        Answer(await ManualTemplateCommands.SaveAsync(db, Scope(http), id, input, clock.Now, ct));

    private static async Task<Results<Ok<ManualFormTemplate>, ProblemHttpResult>> PublishAsync(int id, SuifangDbContext db, HttpContext http,
        HospitalClock clock, CancellationToken ct) => Answer(await ManualTemplateCommands.PublishAsync(db, Scope(http), id, clock.Now, ct));

    private static async Task<Results<Ok<ManualFormTemplate>, ProblemHttpResult>> ArchiveAsync(int id, SuifangDbContext db, HttpContext http,
        HospitalClock clock, CancellationToken ct) => Answer(await ManualTemplateCommands.ArchiveAsync(db, Scope(http), id, clock.Now, ct));

    private static Results<Ok<ManualFormTemplate>, ProblemHttpResult> Answer(ManualTemplateSaved saved) =>
        saved.Ok ? TypedResults.Ok(saved.Template!)
        : saved.Access == Access.Granted
            ? TypedResults.Problem(title: "模板没有保存", detail: string.Join(" ", saved.Errors), statusCode: StatusCodes.Status400BadRequest)
            : saved.Access == Access.Forbidden
                ? TypedResults.Problem(title: "无权修改", detail: string.Join(" ", saved.Errors), statusCode: StatusCodes.Status403Forbidden)
                : ManualApi.Problem(saved.Access);
}
