using Suifang.Core.Accounts;
using Suifang.Core.Audit;
using Suifang.Core.Common;
using Suifang.Core.Scripts.Templates;
using Suifang.Core.Data;
using Suifang.Core.Pathways.ListPathways;
using Suifang.Core.Scripts;
using Suifang.Core.Scripts.Editing;
using Suifang.Core.Scripts.ListScripts;
using Suifang.Web.Accounts;

namespace Suifang.Web.Scripts;

/// /api/scripts (5.1.4, 7.2.3.1 b): the same list, editor commands, checks and department scope as the pages.
/// Doctors, nurses and admins write; supervisors read. Every change is in the audit log.
internal static class ScriptsApi
{
    public static RouteGroupBuilder MapScriptsApi(this RouteGroupBuilder api)
    {
        var scripts = api.MapGroup("/scripts").WithTags("话术").AddEndpointFilter(async (context, next) =>
            ScriptAccess.MayRead(Scope(context.HttpContext))
                ? await next(context)
                : TypedResults.Problem(ScriptAccess.ReadRefused, statusCode: StatusCodes.Status403Forbidden, title: "没有权限"));

        scripts.MapGet("/", async (int? departmentId, ScriptRecordPurpose? purpose, string? name, ScriptStatus? status, bool? allVersions,
                HttpContext http, SuifangDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await ScriptList.RunAsync(db, Scope(http), new ScriptFilter(departmentId, purpose, name, status, allVersions ?? false), ct)))
            .WithSummary("按科室和用途列出话术")
            .WithDescription("purpose 为 Discharge（出院随访）、Outpatient（门诊随访）或 Satisfaction（满意度调查）；name 搜索名称或编码；默认每个话术只列最新版本。医生和护士只看到本科室的话术。");

        scripts.MapGet("/{id:int}", async (int id, HttpContext http, SuifangDbContext db, IScriptContentChecker checker, CancellationToken ct) =>
            {
                var (access, detail, message) = await ScriptDetails.LoadAsync(db, id, Scope(http), ct);
                return access switch
                {
                    DetailAccess.Ok => Results.Ok(new { detail = detail!, problems = checker.Check(detail!.Json).Problems }),
                    DetailAccess.Forbidden => TypedResults.Problem(message, statusCode: StatusCodes.Status403Forbidden, title: "没有权限"),
                    _ => TypedResults.Problem(message, statusCode: StatusCodes.Status404NotFound, title: "没有找到"),
                };
            })
            .WithSummary("一个话术版本：内容（JSON）和检查出的问题");

        scripts.MapPost("/check", (ScriptInput body, IScriptContentChecker checker) => TypedResults.Ok(checker.Check(body.Json)))
            .WithSummary("检查话术内容（不保存）").WithDescription("返回缺少 AI 身份说明、问题编码重复、分支跳到不存在的问题、分支循环等问题；isError=true 的问题会阻止发布。");

        scripts.MapPost("/", async (ScriptInput body, HttpContext http, SuifangDbContext db, ScriptCommands commands, CancellationToken ct) =>
                (await commands.CreateAsync(db, body, Scope(http), ct))
                    .ToHttp(r => TypedResults.Created($"/api/scripts/{r.ScriptId}", new { id = r.ScriptId, key = r.Key, version = r.Version, url = $"/scripts/{r.ScriptId}" })))
            .WithSummary("新建话术（草稿，版本 1）");

        scripts.MapPut("/{id:int}", async (int id, ScriptInput body, HttpContext http, SuifangDbContext db, ScriptCommands commands, CancellationToken ct) =>
                (await commands.EditAsync(db, id, body, Scope(http), ct)).ToHttp(ScriptResults.Saved))
            .WithSummary("修改话术（已在电话中用过的版本会生成新版本）")
            .WithDescription("未用过的版本原地修改；已在随访电话中用过的版本保持不变，修改保存为下一个版本（草稿），返回 createdNewVersion=true。带上读取时的 revision 可防止覆盖别人的修改。");

        scripts.MapPost("/{id:int}/publish", async (int id, HttpContext http, SuifangDbContext db, ScriptCommands commands, CancellationToken ct) =>
                (await commands.PublishAsync(db, id, Scope(http), ct)).ToHttp(ScriptResults.Saved))
            .WithSummary("发布：之后的随访电话使用这个版本").WithDescription("检查不通过时返回 400 和每一处问题。");

        scripts.MapPost("/{id:int}/archive", async (int id, HttpContext http, SuifangDbContext db, ScriptCommands commands, CancellationToken ct) =>
                (await commands.ArchiveAsync(db, id, Scope(http), ct)).ToHttp(ScriptResults.Saved))
            .WithSummary("归档：新的电话不再使用");

        scripts.MapPost("/{id:int}/copy", async (int id, int? departmentId, HttpContext http, SuifangDbContext db, ScriptCommands commands, CancellationToken ct) =>
                (await commands.CopyAsync(db, id, departmentId, Scope(http), ct))
                    .ToHttp(r => TypedResults.Created($"/api/scripts/{r.ScriptId}", new { id = r.ScriptId, key = r.Key, version = r.Version, url = $"/scripts/{r.ScriptId}" })))
            .WithSummary("复制为新话术（草稿）");

        scripts.MapDelete("/{id:int}", async (int id, HttpContext http, SuifangDbContext db, ScriptCommands commands, CancellationToken ct) =>
                (await commands.DeleteAsync(db, id, Scope(http), ct)).ToHttp(_ => TypedResults.NoContent()))
            .WithSummary("删除话术版本").WithDescription("在电话中用过的版本、系统模板和路径仍在使用的话术不能删除（返回 409 和原因），请改用归档。");

        scripts.MapPost("/templates", async (HttpContext http, SuifangDbContext db, HospitalClock clock, CancellationToken ct) =>
            {
                var scope = Scope(http);
                if (!scope.IsAdmin)
                    return Results.Problem("只有管理员可以补充系统话术模板。", statusCode: StatusCodes.Status403Forbidden, title: "没有权限");
                db.Actor = scope.Actor;
                var added = await new ScriptTemplateLoader(db, () => clock.Now).EnsureAsync(scope.HospitalId, ct);
                if (added > 0)
                {
                    db.AuditEvent(AuditActions.Create, "Script", null, $"补充系统话术模板 {added} 个");
                    await db.SaveChangesAsync(ct);
                }
                return Results.Ok(new { added });
            })
            .WithSummary("补充系统话术模板（管理员）").WithDescription("把本院还没有的话术模板加进来（已发布）；已有的（包括改过的）不会被覆盖。");
        return api;
    }

    private static StaffScope Scope(HttpContext http) => StaffScopes.From(http.User, http.Connection.RemoteIpAddress?.ToString());
}
